package com.closureconsole.ui.dashboard;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/**
 * Horizontal bars made of plain components, one row per item: its label, a bar as long as its
 * share of the largest, and its figure in words. Readable without the bars, and by Karibu.
 */
class BarList extends Div {

    BarList() {
        addClassName("dashboard-bars");
        getStyle().set("display", "grid").set("grid-template-columns", "minmax(12em, 2fr) 3fr minmax(8em, auto)")
                .set("gap", "var(--lumo-space-xs) var(--lumo-space-m)").set("align-items", "center")
                .set("width", "100%").set("max-width", "960px");
    }

    /** Adds a row; {@code fraction} (0 to 1) is the bar's length relative to the longest. */
    void add(String label, double fraction, String figure) {
        Span name = new Span(label);
        name.addClassName("dashboard-bar-label");
        Div track = new Div();
        track.getStyle().set("background", "var(--lumo-contrast-5pct)").set("border-radius", "var(--lumo-border-radius-s)")
                .set("height", "0.8em");
        Div bar = new Div();
        bar.getStyle().set("background", "var(--lumo-primary-color-50pct)").set("height", "100%")
                .set("border-radius", "var(--lumo-border-radius-s)")
                .set("width", String.format(java.util.Locale.ROOT, "%.1f%%", 100 * Math.max(0, Math.min(1, fraction))));
        track.add(bar);
        Span value = new Span(figure);
        value.addClassName("dashboard-bar-figure");
        value.getStyle().set("font-variant-numeric", "tabular-nums");
        add(name, track, value);
    }
}
