package io.shotplan.app.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Only on the test class path: an endpoint that fails the way a bug would, for {@link ProblemDetailsTest}. */
@RestController
class FailingTestController {

    @GetMapping("/api/test/failure")
    String fail() {
        throw new NullPointerException("secret internals at io.shotplan.Something");
    }
}
