package com.closureconsole.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.server.StreamResourceRegistry.ElementStreamResource;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import com.vaadin.flow.server.VaadinServletService;
import com.vaadin.flow.server.VaadinSession;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * What a browser would receive on following a download link in a Karibu test: the link's address
 * is looked up in the session's resources, as Vaadin does for a real request, and its handler
 * writes the answer.
 */
public final class Downloads {

    private Downloads() {
    }

    /** The body a click on {@code link} downloads. */
    public static byte[] content(Anchor link) {
        VaadinSession session = VaadinSession.getCurrent();
        ElementStreamResource resource = session.getResourceRegistry()
                .getResource(ElementStreamResource.class, URI.create(link.getHref()))
                .orElseThrow(() -> new AssertionError("The link " + link.getHref() + " names no download of this session"));
        VaadinServletService service = (VaadinServletService) session.getService();
        MockHttpServletResponse response = new MockHttpServletResponse();
        try {
            resource.getElementRequestHandler().handleRequest(
                    new VaadinServletRequest(new MockHttpServletRequest("GET", "/" + link.getHref()), service),
                    new VaadinServletResponse(response, service), session, resource.getOwner());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (response.getStatus() != 200) {
            throw new AssertionError("The download answered " + response.getStatus());
        }
        return response.getContentAsByteArray();
    }
}
