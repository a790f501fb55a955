package com.closureconsole.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.closureconsole.ConsoleTest;
import com.closureconsole.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.support.TransactionTemplate;

/** The ordered name pieces of V020 that name search reads, and the searches they serve. */
@ConsoleTest
@WithMockUser(username = "agent1", roles = "AGENT")
class AccountNamePiecesTest {

    @Autowired
    AccountSearch search;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    TestAccounts accounts;

    private List<String> ids(String typed) {
        return search.page(search.parse(typed), 0, 50).stream().map(AccountSummary::accountId).toList();
    }

    private List<String> pieces(String accountId) {
        return jdbc.queryForList("SELECT piece FROM account_name_piece WHERE account_id = ? ORDER BY piece", String.class,
                accountId);
    }

    @Test
    void every_piece_of_one_to_three_characters_of_a_new_name_is_kept_lower_cased() {
        String id = accounts.create("Li 娜", null, null, null);
        assertThat(pieces(id)).containsExactlyInAnyOrder("l", "i", "娜", "li", "i ", " 娜", "li ", "i 娜");
    }

    @Test
    void a_renamed_account_is_found_by_its_new_name_only() {
        String id = accounts.create("改名之前", null, null, null);
        jdbc.update("UPDATE account SET name = ? WHERE id = ?", "改名以后", id);
        assertThat(ids("之前")).doesNotContain(id);
        assertThat(ids("以后")).contains(id);
        assertThat(ids("改名以后")).contains(id);
    }

    @Test
    void a_fragment_longer_than_a_piece_finds_only_names_that_contain_all_of_it() {
        String whole = accounts.create("长片段甲乙丙", null, null, null);
        String start = accounts.create("长片段甲丁", null, null, null);
        assertThat(ids("长片段甲乙")).contains(whole).doesNotContain(start);
        assertThat(ids("段甲乙丙")).contains(whole).doesNotContain(start);
        assertThat(ids("长片段甲")).contains(whole, start);
    }

    @Test
    void a_fragment_whose_pieces_exist_apart_but_not_together_finds_nothing() {
        accounts.create("拼接戊己", null, null, null);
        accounts.create("己庚拼接", null, null, null);
        assertThat(ids("戊己庚")).isEmpty();
        assertThat(ids("接戊己庚")).isEmpty();
    }

    @Test
    void a_page_of_a_piece_is_read_from_the_ordered_index() {
        String plan = transactions.execute(status -> {
            jdbc.execute("SET LOCAL enable_seqscan = off");
            jdbc.execute("SET LOCAL enable_bitmapscan = off");
            return String.join("\n", jdbc.queryForList(
                    "EXPLAIN SELECT account_id FROM account_name_piece WHERE piece = '伟' ORDER BY account_id LIMIT 50",
                    String.class));
        });
        assertThat(plan).contains("account_name_piece_pkey").doesNotContain("Sort");
    }
}
