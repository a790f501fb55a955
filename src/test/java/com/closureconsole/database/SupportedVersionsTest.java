package com.closureconsole.database;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SupportedVersionsTest {

    @Test
    void postgresql_15_16_and_17_are_accepted() {
        assertThatCode(() -> SupportedVersions.check(150014, "15.14", false)).doesNotThrowAnyException();
        assertThatCode(() -> SupportedVersions.check(160010, "16.10", false)).doesNotThrowAnyException();
        assertThatCode(() -> SupportedVersions.check(170006, "17.6", false)).doesNotThrowAnyException();
    }

    @Test
    void an_older_server_is_refused_with_the_supported_versions_named() {
        assertThatThrownBy(() -> SupportedVersions.check(140013, "14.13 (Debian 14.13-1)", false))
                .isInstanceOf(StartupRefusal.class)
                .hasMessageContaining("PostgreSQL 14.13 (Debian 14.13-1), which is too old")
                .hasMessageContaining("supports PostgreSQL 15, 16 and 17");
        assertThatThrownBy(() -> SupportedVersions.check(140013, "14.13", true)).isInstanceOf(StartupRefusal.class);
    }

    @Test
    void a_newer_untested_server_is_refused_unless_the_operator_accepts_it() {
        assertThatThrownBy(() -> SupportedVersions.check(180001, "18.1", false))
                .isInstanceOf(StartupRefusal.class)
                .hasMessageContaining("has not been tested")
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((StartupRefusal) e).action())
                        .contains("closure.database.allow-untested-version=true"));
        assertThatCode(() -> SupportedVersions.check(180001, "18.1", true)).doesNotThrowAnyException();
    }
}
