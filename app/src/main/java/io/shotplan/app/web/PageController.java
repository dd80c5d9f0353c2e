package io.shotplan.app.web;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The web UI's pages: each is a template that draws itself from the REST API with a little JavaScript. */
@Controller
class PageController {

    /** A button on the login page per configured identity provider. */
    record IdentityProvider(String id, String name) {
    }

    private final List<IdentityProvider> identityProviders;

    PageController(ObjectProvider<ClientRegistrationRepository> registrations) {
        List<IdentityProvider> found = new ArrayList<>();
        if (registrations.getIfAvailable() instanceof Iterable<?> all) {
            for (Object registration : all) {
                ClientRegistration r = (ClientRegistration) registration;
                found.add(new IdentityProvider(r.getRegistrationId(), r.getClientName()));
            }
        }
        this.identityProviders = List.copyOf(found);
    }

    @ModelAttribute
    void user(Authentication authentication, Model model) {
        List<String> roles = authentication == null ? List.of() : authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5))
                .sorted().toList();
        model.addAttribute("roles", roles);
        model.addAttribute("username", authentication == null ? "" : authentication.getName());
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("identityProviders", identityProviders);
        return "login";
    }

    @GetMapping("/")
    String home(Principal principal) {
        return "redirect:/shots";
    }

    @GetMapping("/shots")
    String shots() {
        return "shots";
    }

    @GetMapping("/plan")
    String plan() {
        return "plan";
    }

    @GetMapping("/scenarios")
    String scenarios() {
        return "scenarios";
    }

    @GetMapping("/reports")
    String reports() {
        return "reports";
    }

    @GetMapping("/generation")
    String generation() {
        return "generation";
    }

    @GetMapping("/import")
    String importPage() {
        return "import";
    }

    @GetMapping("/users")
    String users() {
        return "users";
    }

    @GetMapping("/audit")
    String audit() {
        return "audit";
    }
}
