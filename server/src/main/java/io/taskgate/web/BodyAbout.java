package io.taskgate.web;

import java.util.function.Supplier;

/**
 * A request body about a resource named in the path (a task, a list, a project…). A refused body
 * (400 or 422) is answered only once that resource is known to be there for the caller;
 * otherwise the answer is the resource's 404: a client is told first that its path names
 * nothing, and someone who may not see the resource learns nothing from how the body was judged.
 * A good body costs no extra lookup.
 */
public final class BodyAbout {

    private BodyAbout() {
    }

    public static <T> T parse(Supplier<T> parse, Runnable requireVisible) {
        try {
            return parse.get();
        } catch (ApiProblem refused) {
            requireVisible.run();
            throw refused;
        }
    }
}
