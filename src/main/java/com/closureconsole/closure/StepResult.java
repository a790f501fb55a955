package com.closureconsole.closure;

/** How recording a step of the closure flow (the verification, the confirmation) ended. */
public enum StepResult {
    /** The step is recorded for the flow and the flow may go on. */
    RECORDED,
    /** The customer failed the identity verification; this is recorded and the flow cannot go on. */
    VERIFICATION_FAILED,
    /** The agent used another verification method than the account type requires; nothing recorded. */
    WRONG_METHOD,
    /** There is no such account. */
    NO_SUCH_ACCOUNT,
    /** The confirmation came before a passed verification of this flow, or the flow is someone else's. */
    NOT_VERIFIED,
    /** The confirmation named another version of the text than the one the flow shows. */
    OUTDATED_TEXT
}
