package com.closureconsole.ui.closure;

import com.closureconsole.closure.ClosurePreview;
import com.closureconsole.closure.ClosureRequestView;
import com.closureconsole.closure.ClosureState;
import com.closureconsole.closure.SubmissionResult;
import com.closureconsole.ui.Formats;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;

/**
 * Step 5, the result: the request's state and how the customer is told, or why nothing was saved.
 * When another closure of the account won a race, it says who started that closure and when (in
 * the console's time zone); when a check blocked, every blocker with its remedy.
 */
class ResultStepPanel extends Div {

    final Paragraph message = new Paragraph();
    private final Formats formats;

    ResultStepPanel(Formats formats) {
        this.formats = formats;
        addClassName("flow-step-result");
        message.setId("flow-result");
        message.addClassName("flow-message");
    }

    void show(String accountId, ClosurePreview preview, SubmissionResult result) {
        removeAll();
        message.removeClassNames("success", "failure");
        add(message);
        if (result instanceof SubmissionResult.Submitted submitted) {
            message.setText(getTranslation("flow.result.state." + submitted.request().state(), accountId,
                    getTranslation(preview.hasEmail() ? "flow.confirm.byEmail" : "flow.confirm.bySms")));
            message.addClassName("success");
        } else if (result instanceof SubmissionResult.Refused refused) {
            message.addClassName("failure");
            if (refused.competing() != null) {
                message.setText(competing(accountId, refused.competing()));
            } else {
                message.setText(getTranslation("flow.refused." + refused.reason()));
                if (refused.report() != null && !refused.report().closable()) {
                    EligibilityPanel panel = new EligibilityPanel(formats);
                    panel.show(refused.report());
                    add(panel);
                }
            }
        }
    }

    /** Who closed the account, or is closing it, and since when: the closure that won. */
    private String competing(String accountId, ClosureRequestView winner) {
        // Staff are named as everywhere in the console's closure views: by their user name.
        String who = winner.initiatedBy();
        if (winner.state() == ClosureState.COMPLETED) {
            return getTranslation("flow.refused.closedBy", who, accountId,
                    formats.dateTime(winner.finishedAt() == null ? winner.submittedAt() : winner.finishedAt(), getLocale()));
        }
        return getTranslation("flow.refused.closingBy", who, accountId, formats.dateTime(winner.submittedAt(), getLocale()),
                getTranslation("state." + winner.state()));
    }
}
