/**
 * Sign-in and roles: staff users with BCrypt-hashed passwords stored in PostgreSQL, the roles
 * {@link com.closureconsole.security.StaffRole#AGENT AGENT} and
 * {@link com.closureconsole.security.StaffRole#SUPERVISOR SUPERVISOR}, lock-out after repeated
 * failures, the signed-in user ({@link com.closureconsole.security.CurrentStaff}) and the 
 * {@link com.closureconsole.security.LoginView}.
 */
package com.closureconsole.security;
