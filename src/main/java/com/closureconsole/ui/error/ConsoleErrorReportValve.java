package com.closureconsole.ui.error;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tomcat's own error report for what it refuses before the console sees the request (an encoded
 * backslash, a path that climbs above the root, a malformed request line): the console's page
 * instead of Tomcat's, with no server version and no stack trace.
 */
public class ConsoleErrorReportValve extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(ConsoleErrorReportValve.class);

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        java.util.concurrent.atomic.AtomicBoolean ioAllowed = new java.util.concurrent.atomic.AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        if (throwable != null) {
            log.error("Tomcat answered {} for {}", status, request.getDecodedRequestURI(), throwable);
        }
        try {
            response.setContentType("text/html");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(ErrorPage.html(status, request.getLocale()));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            log.warn("Could not write the error page for status {}: {}", status, e.toString());
        }
    }
}
