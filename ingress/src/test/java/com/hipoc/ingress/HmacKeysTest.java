package com.hipoc.ingress;

import com.hipoc.ingress.auth.HmacKeys;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HmacKeysTest {
    @Test
    void aBareSecretIsTheDefaultKey() {
        assertThat(HmacKeys.parse("s3cret").ids()).containsExactly("default");
    }

    @Test
    void severalKeysForRotation() {
        assertThat(HmacKeys.parse("a:one, b:two:with:colons").ids()).containsExactly("a", "b");
    }

    @Test
    void emptyMeansNoKey() {
        assertThat(HmacKeys.parse("").isEmpty()).isTrue();
        assertThat(HmacKeys.parse(null).isEmpty()).isTrue();
    }

    @Test
    void malformedEntriesAreRefused() {
        assertThatThrownBy(() -> HmacKeys.parse("a:one,b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HmacKeys.parse("a:")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HmacKeys.parse(":x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HmacKeys.parse("a:1,a:2")).hasMessageContaining("twice");
    }
}
