package com.srsync.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.srsync.config.Secret;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AdminGateTest {
    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(nullValues = "none", value = {
        "Bearer s3cret, allowed", "bearer s3cret, allowed", "Bearer  s3cret , allowed",
        "Bearer s3cre, denied", "Bearer s3cretX, denied", "Basic s3cret, denied", "s3cret, denied", "none, denied"})
    void only_the_right_bearer_token_is_allowed(String header, String expected) {
        assertEquals(expected, new AdminGate(Secret.of("s3cret")).decide(header));
    }

    @Test
    void without_a_token_the_admin_endpoints_are_disabled() {
        assertEquals(AdminGate.DISABLED, new AdminGate(null).decide("Bearer anything"));
    }

    @Test
    void project_parameters_are_positive_ids_or_absent() {
        assertNull(AdminGate.projectParameter(null));
        assertEquals(155L, AdminGate.projectParameter(" 155 "));
        assertThrows(IllegalArgumentException.class, () -> AdminGate.projectParameter("0"));
        assertThrows(IllegalArgumentException.class, () -> AdminGate.projectParameter("1;2"));
    }
}
