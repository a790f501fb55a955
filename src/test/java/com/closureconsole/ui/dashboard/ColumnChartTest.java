package com.closureconsole.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class ColumnChartTest {

    private static List<Double> heights(String svg) {
        Matcher rect = Pattern.compile("<rect [^>]*height=\"([0-9.]+)\"").matcher(svg);
        List<Double> heights = new java.util.ArrayList<>();
        while (rect.find()) {
            heights.add(Double.parseDouble(rect.group(1)));
        }
        return heights;
    }

    @Test
    void stacked_columns_are_as_tall_as_their_values_and_say_them_in_a_title() {
        String svg = new ColumnChart("Closures", List.of("12/1", "12/2"), true)
                .add(new ColumnChart.Series("Completed", "green", new double[] {3, 1}))
                .add(new ColumnChart.Series("Failed", "red", new double[] {1, 0}))
                .svg();
        // Scale 0..5 (the next 1-2-5 step above the tallest column, 4).
        List<Double> heights = heights(svg);
        assertThat(heights).hasSize(3);
        assertThat(heights.get(0) / heights.get(1)).isCloseTo(3.0, org.assertj.core.data.Offset.offset(0.05));
        assertThat(heights.get(0) + heights.get(1)).isCloseTo(188 * 4 / 5.0, org.assertj.core.data.Offset.offset(0.2));
        assertThat(svg).contains("<title>12/1 · Completed: 3</title>", "<title>12/2 · Completed: 1</title>",
                "<title>12/1 · Failed: 1</title>").doesNotContain("12/2 · Failed");
    }

    @Test
    void text_is_escaped() {
        String svg = new ColumnChart("<b>&\"", List.of("a<b"), false)
                .add(new ColumnChart.Series("x'y", "blue", new double[] {2})).svg();
        assertThat(svg).contains("&lt;b&gt;&amp;&quot;", "a&lt;b · x&#39;y: 2").doesNotContain("<b>");
    }

    @Test
    void the_scale_ends_on_one_two_or_five_times_a_power_of_ten() {
        assertThat(ColumnChart.niceCeiling(0)).isEqualTo(1);
        assertThat(ColumnChart.niceCeiling(0.4)).isEqualTo(1);
        assertThat(ColumnChart.niceCeiling(4)).isEqualTo(5);
        assertThat(ColumnChart.niceCeiling(17)).isEqualTo(20);
        assertThat(ColumnChart.niceCeiling(50)).isEqualTo(50);
        assertThat(ColumnChart.niceCeiling(501)).isEqualTo(1000);
    }
}
