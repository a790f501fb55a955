package com.closureconsole.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import com.closureconsole.shared.Masking;
import org.junit.jupiter.api.Test;

/** The hash and the masking, without a database. */
class AuditUnitTest {

    private static final ChainedEntry ENTRY = new ChainedEntry(42, Instant.parse("2026-01-02T03:04:05.123456789Z"),
            "agent1", "AGENT", "10.0.0.1", "CLOSURE_SUBMIT", "2088000000000001", "SUCCESS", "{\"a\":1}",
            UUID.fromString("00000000-0000-0000-0000-000000000001"), "ab".repeat(32));

    @Test
    void details_without_fields_are_written_as_the_mapper_writes_an_empty_object_and_others_still_in_order() {
        assertThat(AuditDetailsJson.write(java.util.Map.of())).isEqualTo("{}")
                .isEqualTo(AuditDetailsJson.describe(new java.util.LinkedHashMap<String, Object>()));
        assertThat(AuditDetailsJson.write(null)).isEqualTo("{}");
        java.util.Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("b", 1);
        details.put("a", java.util.List.of());
        assertThat(AuditDetailsJson.write(details)).isEqualTo("{\"b\":1,\"a\":[]}");
    }

    @Test
    void the_hash_covers_every_field_and_the_previous_hash() {
        String hash = ENTRY.hash();
        assertThat(hash).matches("[0-9a-f]{64}").isEqualTo(ENTRY.hash());
        assertThat(new ChainedEntry(43, ENTRY.occurredAt(), "agent1", "AGENT", "10.0.0.1", "CLOSURE_SUBMIT",
                "2088000000000001", "SUCCESS", "{\"a\":1}", ENTRY.correlationId(), ENTRY.prevHash()).hash()).isNotEqualTo(hash);
        assertThat(new ChainedEntry(42, ENTRY.occurredAt().plusNanos(1000), "agent1", "AGENT", "10.0.0.1", "CLOSURE_SUBMIT",
                "2088000000000001", "SUCCESS", "{\"a\":1}", ENTRY.correlationId(), ENTRY.prevHash()).hash()).isNotEqualTo(hash);
        assertThat(new ChainedEntry(42, ENTRY.occurredAt(), "agent1", "AGENT", "10.0.0.1", "CLOSURE_SUBMIT",
                "2088000000000001", "SUCCESS", "{\"a\":2}", ENTRY.correlationId(), ENTRY.prevHash()).hash()).isNotEqualTo(hash);
        assertThat(new ChainedEntry(42, ENTRY.occurredAt(), "agent1", "AGENT", "10.0.0.1", "CLOSURE_SUBMIT",
                "2088000000000001", "SUCCESS", "{\"a\":1}", ENTRY.correlationId(), "cd".repeat(32)).hash()).isNotEqualTo(hash);
    }

    @Test
    void the_time_is_hashed_at_the_microseconds_postgresql_keeps() {
        assertThat(ENTRY.canonicalText()).contains("2026-01-02T03:04:05.123456Z");
        assertThat(new ChainedEntry(42, Instant.parse("2026-01-02T03:04:05.123456Z"), "agent1", "AGENT", "10.0.0.1",
                "CLOSURE_SUBMIT", "2088000000000001", "SUCCESS", "{\"a\":1}", ENTRY.correlationId(), ENTRY.prevHash())
                .hash()).isEqualTo(ENTRY.hash());
    }

    @Test
    void moving_text_from_one_field_to_the_next_changes_the_hash() {
        ChainedEntry one = new ChainedEntry(1, ENTRY.occurredAt(), "ab", null, "c", "X", null, "SUCCESS", "{}", null, null);
        ChainedEntry two = new ChainedEntry(1, ENTRY.occurredAt(), "a", "b", "c", "X", null, "SUCCESS", "{}", null, null);
        ChainedEntry three = new ChainedEntry(1, ENTRY.occurredAt(), "a", null, "bc", "X", null, "SUCCESS", "{}", null, null);
        assertThat(one.hash()).isNotEqualTo(two.hash()).isNotEqualTo(three.hash());
        assertThat(two.hash()).isNotEqualTo(three.hash());
    }

    @Test
    void the_trail_masks_with_the_same_policy_as_the_grid() {
        for (String name : new String[] {"张伟", "欧阳娜娜", "Emily Chen", "李娜 (Li Na)"}) {
            assertThat(AuditMasking.detail("name", name)).as(name).isEqualTo(Masking.name(name));
        }
        assertThat(AuditMasking.detail("email", "zhang.wei@example.com")).isEqualTo(Masking.email("zhang.wei@example.com"));
        assertThat(AuditMasking.detail("phone", "+8613800138001")).isEqualTo(Masking.phone("+8613800138001"));
    }

    @Test
    void personal_data_is_masked_in_any_common_form() {
        assertThat(AuditMasking.detail("phone", "+86 138 0013 8001")).isEqualTo("138****8001");
        assertThat(AuditMasking.detail("x", "138-0013-8001")).isEqualTo("138****8001");
        assertThat(AuditMasking.detail("contact", "li.na@example.com")).isEqualTo("l***@example.com");
        assertThat(AuditMasking.detail("name", "Emily Chen")).isEqualTo("E**** C***");
        assertThat(AuditMasking.detail("idNumber", "110101199003074512")).isEqualTo("****4512");
        assertThat(AuditMasking.detail("query", "2088000000000001")).isEqualTo("2088000000000001");
        assertThat(AuditMasking.detail("query", "张伟")).isEqualTo("*伟");
        assertThat(AuditMasking.detail("phone", "138****8001")).isEqualTo("138****8001");
        assertThat(AuditMasking.detail("reasonCode", "MOVED_ABROAD")).isEqualTo("MOVED_ABROAD");
    }
}
