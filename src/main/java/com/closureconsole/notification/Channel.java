package com.closureconsole.notification;

/** How a notification reaches the customer. */
public enum Channel {
    EMAIL,
    SMS
}
