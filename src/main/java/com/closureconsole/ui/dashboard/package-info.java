/**
 * The supervisors' dashboard: the day-by-day figures of closures, blocking conditions, time to
 * close, refusals and notifications, drawn on the server as bars and columns (no client-side
 * script), from {@link com.closureconsole.dashboard.DashboardFigures}.
 */
@NullMarked
package com.closureconsole.ui.dashboard;

import org.jspecify.annotations.NullMarked;
