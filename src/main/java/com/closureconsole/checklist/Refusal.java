package com.closureconsole.checklist;

/** Why a checklist cannot be previewed or sent. */
public enum Refusal {
    /** There is no such account. */
    NO_SUCH_ACCOUNT,
    /** The account cannot go through closure at all (closed, closing, never activated, frozen). */
    PRE_CHECK_FAILED,
    /** Nothing blocks closure: there is no checklist to send. */
    NOTHING_BLOCKS,
    /** The account has neither an email nor a phone number. */
    NO_CONTACT,
    /** The account was sent as many checklists in the last 24 hours as the limit allows. */
    LIMIT_REACHED,
    /** What the customer would receive is no longer what the agent previewed (a blocker or the contact changed). */
    CHANGED_SINCE_PREVIEW
}
