package com.hipoc.bench;

import java.util.SplittableRandom;

/**
 * Hot accounts: account k (from 0) drawn with probability proportional to 1/(k+1)^s. Sampled by
 * rejection-inversion (Hörmann and Derflinger, 1996), which needs no table, so it is as cheap for
 * 10M accounts as for 1000.
 */
final class ZipfAccounts implements AccountPicker {
    private final long accounts;
    private final double exponent;
    private final double hIntegralX1;
    private final double hIntegralN;
    private final double squeeze;

    ZipfAccounts(long accounts, double exponent) {
        if (exponent <= 0) {
            throw new IllegalArgumentException("--zipf-s must be above 0, got " + exponent);
        }
        this.accounts = accounts;
        this.exponent = exponent;
        this.hIntegralX1 = hIntegral(1.5) - 1;
        this.hIntegralN = hIntegral(accounts + 0.5);
        this.squeeze = 2 - hIntegralInverse(hIntegral(2.5) - h(2));
    }

    @Override
    public long next(SplittableRandom random) {
        while (true) {
            double u = hIntegralN + random.nextDouble() * (hIntegralX1 - hIntegralN);
            double x = hIntegralInverse(u);
            long k = Math.max(1, Math.min(accounts, (long) (x + 0.5)));
            if (k - x <= squeeze || u >= hIntegral(k + 0.5) - h(k)) {
                return k - 1;
            }
        }
    }

    private double h(double x) {
        return Math.exp(-exponent * Math.log(x));
    }

    private double hIntegral(double x) {
        double logX = Math.log(x);
        return expm1OverX((1 - exponent) * logX) * logX;
    }

    private double hIntegralInverse(double x) {
        double t = Math.max(-1, x * (1 - exponent));
        return Math.exp(log1pOverX(t) * x);
    }

    /** log(1+x)/x, continuous at 0 where the division loses all precision. */
    private static double log1pOverX(double x) {
        return Math.abs(x) > 1e-8 ? Math.log1p(x) / x : 1 - x * (0.5 - x * (1.0 / 3 - 0.25 * x));
    }

    /** (e^x-1)/x, continuous at 0. */
    private static double expm1OverX(double x) {
        return Math.abs(x) > 1e-8 ? Math.expm1(x) / x : 1 + x * 0.5 * (1 + x / 3 * (1 + 0.25 * x));
    }
}
