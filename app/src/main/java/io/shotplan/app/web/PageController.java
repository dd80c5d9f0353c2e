package io.shotplan.app.web;

import java.security.Principal;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The web UI's pages: each is a template that draws itself from the REST API with a little JavaScript. */
@Controller
class PageController {

    @ModelAttribute
    void user(Authentication authentication, Model model) {
        List<String> roles = authentication == null ? List.of() : authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5))
                .sorted().toList();
        model.addAttribute("roles", roles);
        model.addAttribute("username", authentication == null ? "" : authentication.getName());
    }

    @GetMapping("/login")
    String login() {
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
