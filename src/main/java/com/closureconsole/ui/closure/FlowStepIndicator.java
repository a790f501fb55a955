package com.closureconsole.ui.closure;

import com.closureconsole.closure.FlowProgress;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/**
 * The flow's steps across the top of the dialog: those done, the current one, those to come, and
 * a failed identity verification marked on its step, as the server recorded them.
 */
class FlowStepIndicator extends Div {

    FlowStepIndicator() {
        addClassName("flow-steps");
    }

    void show(StartClosureDialog.Step current, FlowProgress progress) {
        removeAll();
        for (StartClosureDialog.Step s : StartClosureDialog.Step.values()) {
            Span label = new Span((s.ordinal() + 1) + ". " + getTranslation("flow.step." + s));
            label.addClassName(s == current ? "current" : s.ordinal() < current.ordinal() ? "done" : "todo");
            if (s == StartClosureDialog.Step.VERIFY && progress.verification() == FlowProgress.Verification.FAILED) {
                label.addClassName("failed");
            }
            add(label);
        }
    }
}
