package com.closureconsole.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class PasswordSignInTest {

    @Test
    void passwords_work_for_everybody_in_a_demo_and_wherever_no_identity_provider_is_configured() {
        assertThat(PasswordSignIn.decide(true, true, null, List.of()).allows("agent1")).isTrue();
        assertThat(PasswordSignIn.decide(false, false, null, List.of()).allows("agent1")).isTrue();
    }

    @Test
    void outside_a_demo_with_a_provider_passwords_are_off_except_for_the_named_break_glass_users() {
        PasswordSignIn off = PasswordSignIn.decide(false, true, null, List.of());
        assertThat(off.allows("agent1")).isFalse();
        assertThat(off.offered()).as("the sign-in page shows no password form").isFalse();

        PasswordSignIn breakGlass = PasswordSignIn.decide(false, true, null, List.of(" BreakGlass1 ", ""));
        assertThat(breakGlass.allows("breakglass1")).isTrue();
        assertThat(breakGlass.allows("agent1")).isFalse();
        assertThat(breakGlass.offered()).isTrue();
    }

    @Test
    void the_operator_switches_passwords_on_for_everybody_or_off_entirely_even_in_a_demo() {
        assertThat(PasswordSignIn.decide(false, true, true, List.of()).allows("agent1")).isTrue();
        PasswordSignIn off = PasswordSignIn.decide(true, false, false, List.of());
        assertThat(off.allows("agent1")).isFalse();
        assertThat(off.offered()).isFalse();
    }
}
