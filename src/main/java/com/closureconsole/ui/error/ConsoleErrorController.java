package com.closureconsole.ui.error;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The console's own page for every error that a browser can meet outside the views: a request the
 * firewall rejects, a wrong method, an error of the servlet container. It replaces Spring Boot's
 * "Whitelabel" page, says what happened in the browser's language (Chinese or English) with a
 * link back to the console, and never shows an exception or a stack trace.
 */
@Controller
class ConsoleErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ConsoleErrorController.class);

    @RequestMapping("/error")
    ResponseEntity<String> error(HttpServletRequest request) {
        HttpStatus status = status(request);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (status.is5xxServerError()) {
            log.error("Error page {} for {}", status.value(), uri, (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
        } else {
            log.info("Error page {} for {}", status.value(), uri);
        }
        String html = ErrorPage.html(status.value(), request.getLocale());
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body(html);
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }
}
