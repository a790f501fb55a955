package com.closureconsole.ui.closure;

import com.closureconsole.closure.ClosurePreview;
import com.closureconsole.ui.Formats;
import com.vaadin.flow.component.html.Div;

/**
 * Step 2, check: the pre-checks and the ten conditions as the server found them for the flow. A
 * blocked account stops here, with every blocker and its remedy. It has no field: the keyboard
 * starts on the dialog's way forward (or back), which the dialog focuses.
 */
class CheckStepPanel extends Div {

    private final Formats formats;

    CheckStepPanel(Formats formats) {
        this.formats = formats;
        addClassName("flow-step-check");
    }

    void show(ClosurePreview preview) {
        removeAll();
        EligibilityPanel panel = new EligibilityPanel(formats);
        panel.show(preview.report());
        add(panel);
    }
}
