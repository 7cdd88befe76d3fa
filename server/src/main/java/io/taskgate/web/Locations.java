package io.taskgate.web;

import java.net.URI;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The {@code Location} of a resource a request created: its id below the collection posted to. */
public final class Locations {

    private Locations() {
    }

    /** The path of the current request (the collection), then {@code id}; relative, as every Location here. */
    public static URI created(String id) {
        return URI.create(ServletUriComponentsBuilder.fromCurrentRequestUri().pathSegment(id).build().getPath());
    }
}
