package com.closureconsole.account;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.closureconsole.shared.Masking;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds accounts by id, phone, email, name fragment or linked Taobao id. Every kind of search is
 * served by an index (see {@code V005__account_search.sql} and, for names, the ordered name pieces
 * of {@code V020__account_name_pieces.sql}), whatever the length of the query, and results come a
 * page at a time: nothing here loads or counts all rows.
 */
@Service
@PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR')")
public class AccountSearch {

    /** The longest name piece the database keeps (V020). */
    private static final int NAME_PIECE = 3;
    private static final String COLUMNS = "SELECT id, name, phone, email, status, identity_type FROM account ";
    private static final RowMapper<AccountSummary> SUMMARY = (rs, row) -> new AccountSummary(
            rs.getString("id"),
            Masking.name(rs.getString("name")),
            Masking.phone(rs.getString("phone")),
            Masking.email(rs.getString("email")),
            AccountStatus.valueOf(rs.getString("status")),
            IdentityType.valueOf(rs.getString("identity_type")));

    private final NamedParameterJdbcTemplate jdbc;
    private final ApplicationEventPublisher events;

    AccountSearch(NamedParameterJdbcTemplate jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Understands what was typed; never throws. */
    public SearchQuery parse(@Nullable String raw) {
        return SearchQuery.parse(raw);
    }

    /**
     * Starts a search: records it in the audit and answers the one account an exact query
     * (id, phone, email, Taobao id) names, if there is exactly one.
     */
    @Transactional
    public Optional<String> start(SearchQuery query) {
        String column = exactColumn(query);
        List<String> hits = jdbc.queryForList("SELECT id FROM account WHERE " + column + " = :q LIMIT 2",
                Map.of("q", query.value()), String.class);
        Optional<String> exact = hits.size() == 1 ? Optional.of(hits.get(0)) : Optional.empty();

        events.publishEvent(new AccountSearched(query.getClass().getSimpleName(), query.masked(), exact.orElse(null)));
        return exact;
    }

    /** One page of results, ordered by account id. */
    @Transactional(readOnly = true)
    public List<AccountSummary> page(SearchQuery query, int offset, int limit) {
        MapSqlParameterSource params = new MapSqlParameterSource("q", query.value())
                .addValue("offset", Math.max(0, offset))
                .addValue("limit", Math.max(1, Math.min(limit, 500)));
        String where;
        if (query instanceof SearchQuery.ByText text) {
            where = "id IN ((" + nameMatches(text.text(), params) + ") UNION (SELECT id FROM account WHERE lower(taobao_id) = :q))";
        } else {
            where = exactColumn(query) + " = :q";
        }
        return jdbc.query(COLUMNS + "WHERE " + where + " ORDER BY id LIMIT :limit OFFSET :offset", params, SUMMARY);
    }

    /**
     * The first offset + limit accounts, in id order, whose name contains the fragment, read from
     * the name pieces (V020) in that order, so a page costs the same for a rare or a common fragment.
     * A fragment longer than a piece walks the accounts of its rarest piece (counted up to 300)
     * and keeps the names that contain it; strpos, unlike LIKE, does not tempt the planner into the
     * trigram index, which would read every match before ordering them.
     */
    private static String nameMatches(String fragment, MapSqlParameterSource params) {
        params.addValue("window", (int) params.getValue("offset") + (int) params.getValue("limit"));
        int length = fragment.codePointCount(0, fragment.length());
        if (length <= NAME_PIECE) {
            return "SELECT account_id FROM account_name_piece WHERE piece = :q ORDER BY account_id LIMIT :window";
        }
        Set<String> pieces = new LinkedHashSet<>();
        for (int i = 0; i + NAME_PIECE <= length; i++) {
            int start = fragment.offsetByCodePoints(0, i);
            pieces.add(fragment.substring(start, fragment.offsetByCodePoints(start, NAME_PIECE)));
        }
        params.addValue("pieces", pieces.toArray(String[]::new));
        return """
                SELECT p.account_id FROM account_name_piece p JOIN account n ON n.id = p.account_id
                 WHERE p.piece = (SELECT t.piece FROM unnest(CAST(:pieces AS text[])) WITH ORDINALITY AS t(piece, n)
                                   ORDER BY (SELECT count(*) FROM (SELECT FROM account_name_piece c
                                                                    WHERE c.piece = t.piece LIMIT 300) AS up_to), t.n
                                   LIMIT 1)
                   AND strpos(lower(n.name), :q) > 0
                 ORDER BY p.account_id LIMIT :window""";
    }

    /** The indexed expression an exact query compares with; fails for input that is not searchable. */
    private static String exactColumn(SearchQuery query) {
        if (query instanceof SearchQuery.ById) {
            return "id";
        } else if (query instanceof SearchQuery.ByPhone) {
            return "phone";
        } else if (query instanceof SearchQuery.ByEmail) {
            return "lower(email)";
        } else if (query instanceof SearchQuery.ByText) {
            return "lower(taobao_id)";
        }
        throw new IllegalArgumentException("not a searchable query: " + query);
    }
}
