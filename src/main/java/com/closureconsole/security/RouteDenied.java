package com.closureconsole.security;

/**
 * A signed-in member of staff was refused a view their role may not open; the audit records it.
 *
 * @param route the path of the view that was refused
 */
public record RouteDenied(String route) {
}
