package com.closureconsole.notification;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.closureconsole.shared.Masking;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The delivery status of the customer notifications of closure requests. */
@Service
@PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR')")
public class Deliveries {

    private final NamedParameterJdbcTemplate jdbc;

    Deliveries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The latest notification of each listed request that has one. */
    @Transactional(readOnly = true)
    public Map<UUID, Delivery> forRequests(Collection<UUID> requestIds) {
        Map<UUID, Delivery> found = new LinkedHashMap<>();
        if (requestIds.isEmpty()) {
            return found;
        }
        jdbc.query("""
                SELECT DISTINCT ON (closure_request_id) closure_request_id, channel, recipient, status, attempts, sent_at, last_error
                  FROM notification WHERE closure_request_id = ANY(:ids)
                 ORDER BY closure_request_id, created_at DESC""",
                Map.of("ids", requestIds.toArray(UUID[]::new)), rs -> {
                    Channel channel = Channel.valueOf(rs.getString("channel"));
                    Timestamp sent = rs.getTimestamp("sent_at");
                    UUID id = rs.getObject("closure_request_id", UUID.class);
                    found.put(id, new Delivery(id, channel,
                            channel == Channel.EMAIL ? Masking.email(rs.getString("recipient")) : Masking.phone(rs.getString("recipient")),
                            rs.getString("status"), rs.getInt("attempts"), sent == null ? null : sent.toInstant(),
                            rs.getString("last_error")));
                });
        return found;
    }
}
