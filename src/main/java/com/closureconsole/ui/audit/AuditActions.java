package com.closureconsole.ui.audit;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import com.closureconsole.account.AccountAction;
import com.closureconsole.audit.AuditAction;
import com.closureconsole.audit.AuditTrailAction;
import com.closureconsole.audit.SignInAction;
import com.closureconsole.checklist.ChecklistAction;
import com.closureconsole.closure.ClosureAction;
import com.closureconsole.notification.NotificationAction;

/**
 * Every kind of action the trail holds, gathered from the modules that name them, in the order
 * the action filter lists them: sign-in first, then accounts, closures, notifications and the
 * audit itself.
 */
final class AuditActions {

    static final List<AuditAction> ALL = Stream.<AuditAction[]>of(SignInAction.values(), AccountAction.values(),
                    ClosureAction.values(), NotificationAction.values(), ChecklistAction.values(),
                    AuditTrailAction.values())
            .flatMap(Arrays::stream).toList();

    private AuditActions() {
    }

    /** The action a stored name stands for, when this version knows it. */
    static Optional<AuditAction> known(String name) {
        return ALL.stream().filter(action -> action.name().equals(name)).findFirst();
    }
}
