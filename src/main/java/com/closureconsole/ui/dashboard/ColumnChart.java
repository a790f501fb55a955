package com.closureconsole.ui.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A column chart drawn on the server as SVG: one column per day, stacked from several series or
 * side by side, with a value axis, day labels and a {@code <title>} on every column so that a
 * pointer (or a screen reader) reads the figures. No script runs in the browser.
 */
final class ColumnChart {

    /** One series: its name, the CSS colour it is drawn in, and one value per category. */
    record Series(String name, String color, double[] values) {
    }

    static final int WIDTH = 720;
    static final int HEIGHT = 220;
    private static final int LEFT = 48;
    private static final int BOTTOM = 24;
    private static final int TOP = 8;

    private final String title;
    private final List<String> categories;
    private final List<Series> series = new ArrayList<>();
    private final boolean stacked;
    private ValueFormat format = value -> String.valueOf(Math.round(value));

    interface ValueFormat {
        String format(double value);
    }

    ColumnChart(String title, List<String> categories, boolean stacked) {
        this.title = title;
        this.categories = categories;
        this.stacked = stacked;
    }

    ColumnChart add(Series one) {
        if (one.values().length != categories.size()) {
            throw new IllegalArgumentException("a value per category needed");
        }
        series.add(one);
        return this;
    }

    ColumnChart format(ValueFormat valueFormat) {
        this.format = valueFormat;
        return this;
    }

    String svg() {
        double max = 0;
        for (int c = 0; c < categories.size(); c++) {
            double column = 0;
            for (Series one : series) {
                column = stacked ? column + one.values()[c] : Math.max(column, one.values()[c]);
            }
            max = Math.max(max, column);
        }
        double top = niceCeiling(max);
        int plotWidth = WIDTH - LEFT - 4;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" class=\"dashboard-chart\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(HEIGHT).append("\" preserveAspectRatio=\"xMinYMin meet\" aria-label=\"")
                .append(escape(title)).append("\" style=\"width:100%;max-width:").append(WIDTH).append("px;height:auto\">");
        svg.append("<title>").append(escape(title)).append("</title>");
        for (int tick = 0; tick <= 4; tick++) {
            double value = top * tick / 4;
            double y = TOP + plotHeight - plotHeight * tick / 4.0;
            svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - 4).append("\" y1=\"").append(num(y))
                    .append("\" y2=\"").append(num(y)).append("\" style=\"stroke:var(--lumo-contrast-10pct)\"/>");
            svg.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(num(y + 4))
                    .append("\" text-anchor=\"end\" style=\"font-size:11px;fill:var(--lumo-secondary-text-color)\">")
                    .append(escape(format.format(value))).append("</text>");
        }
        int count = Math.max(1, categories.size());
        double slot = (double) plotWidth / count;
        double barWidth = Math.max(1, slot * 0.7 / (stacked ? 1 : Math.max(1, series.size())));
        int labelEvery = Math.max(1, (int) Math.ceil(count / 10.0));
        for (int c = 0; c < categories.size(); c++) {
            double x = LEFT + slot * c + slot * 0.15;
            double base = 0;
            for (int s = 0; s < series.size(); s++) {
                Series one = series.get(s);
                double value = one.values()[c];
                if (value <= 0 || top == 0) {
                    continue;
                }
                double height = plotHeight * value / top;
                double y = TOP + plotHeight - plotHeight * (stacked ? base + value : value) / top;
                double left = stacked ? x : x + barWidth * s;
                svg.append("<rect x=\"").append(num(left)).append("\" y=\"").append(num(y)).append("\" width=\"")
                        .append(num(barWidth)).append("\" height=\"").append(num(height)).append("\" style=\"fill:")
                        .append(one.color()).append("\"><title>").append(escape(categories.get(c))).append(" · ")
                        .append(escape(one.name())).append(": ").append(escape(format.format(value)))
                        .append("</title></rect>");
                base += value;
            }
            if (c % labelEvery == 0) {
                svg.append("<text x=\"").append(num(LEFT + slot * c + slot / 2)).append("\" y=\"").append(HEIGHT - 6)
                        .append("\" text-anchor=\"middle\" style=\"font-size:11px;fill:var(--lumo-secondary-text-color)\">")
                        .append(escape(categories.get(c))).append("</text>");
            }
        }
        svg.append("</svg>");
        return svg.toString();
    }

    /** 1, 2 or 5 times a power of ten, at least {@code max} (and at least 1). */
    static double niceCeiling(double max) {
        if (max <= 1) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(max)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * power >= max) {
                return step * power;
            }
        }
        return 10 * power;
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
