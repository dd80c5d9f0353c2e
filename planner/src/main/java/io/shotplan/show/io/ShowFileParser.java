package io.shotplan.show.io;

import io.shotplan.show.AiCapability;
import io.shotplan.show.AiPolicy;
import io.shotplan.show.BidTemplate;
import io.shotplan.show.CrewPlan;
import io.shotplan.show.Discipline;
import io.shotplan.show.Episode;
import io.shotplan.show.GpuPool;
import io.shotplan.show.RateCard;
import io.shotplan.show.RateCards;
import io.shotplan.show.Resolution;
import io.shotplan.show.Shot;
import io.shotplan.show.Show;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Turns the show file's text into a show, checking every key: the tree is walked by hand rather than bound to
 * classes, so that all problems are found in one pass and each points at its line and column.
 */
final class ShowFileParser {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.\\-]{0,63}");

    private final Problems problems;
    private final String fileName;
    private final String text;
    private final ImportLimits limits;
    private final Map<String, int[]> locations = new HashMap<>();
    /** Named in a problem with an amount written in another currency than the show's or the rates'. */
    private String showCurrency;

    ShowFileParser(Problems problems, String fileName, String text, ImportLimits limits) {
        this.problems = problems;
        this.fileName = fileName;
        this.text = text;
        this.limits = limits;
    }

    /** What the show file says, checked; {@link #show} joins it with the shot list once that is read. */
    record Draft(Show show, Cell shotList) {
        ShotListContext shotContext() {
            return new ShotListContext(show.episodes().stream().map(Episode::code).collect(java.util.stream.Collectors.toSet()),
                    show.bidTemplate(), Set.of(), null, ShotListContext.DEFAULT_FPS, Resolution.HD, false);
        }

        Show show(List<Shot> shots) {
            return show.withShots(shots);
        }
    }

    /** The draft, or null when the file is not YAML/JSON at all (reported). */
    Draft parse() {
        ObjectMapper mapper = mapper();
        JsonNode root;
        try {
            indexLocations(mapper);
            root = mapper.readTree(text);
        } catch (StreamConstraintsException e) {
            String limit = e.getOriginalMessage().replaceAll(",? from `[^`]*`", "");
            problems.add(0, 0, "", "is beyond what a show file may hold: " + Character.toLowerCase(limit.charAt(0))
                    + limit.substring(1) + "; shots belong in the shot list CSV");
            return null;
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            problems.add(at == null ? 0 : Math.max(0, at.getLineNr()), at == null ? 0 : Math.max(0, at.getColumnNr()), "",
                    "is not valid " + (fileName.endsWith(".json") ? "JSON" : "YAML") + ": " + e.getOriginalMessage());
            return null;
        }
        if (root == null || !root.isObject()) {
            problems.add(1, 1, "", "expected a mapping of keys such as code, name, currency, start_date, episodes");
            return null;
        }
        return new Draft(show(new Node(root, "")), root.has("shot_list") ? cell(new Node(root, ""), "shot_list") : null);
    }

    /**
     * A JSON or YAML reader bounded before anything is held: nesting depth, tokens, string length and size (a 50 MB
     * array of numbers is refused at its 200,001st token, not after a position entry per token); YAML also limits
     * code points. YAML aliases are not expanded (Jackson's parser passes them on as they are), so a file of
     * nested aliases is no bigger in memory than on disk.
     */
    private ObjectMapper mapper() {
        StreamReadConstraints bounded = StreamReadConstraints.builder()
                .maxNestingDepth(ImportLimits.SHOW_FILE_MAX_DEPTH)
                .maxTokenCount(ImportLimits.SHOW_FILE_MAX_TOKENS)
                .maxStringLength(ImportLimits.SHOW_FILE_MAX_STRING)
                .maxNameLength(ImportLimits.SHOW_FILE_MAX_STRING)
                .maxDocumentLength(limits.maxFileBytes())
                .build();
        var builder = fileName.endsWith(".json")
                ? JsonMapper.builder(JsonFactory.builder().streamReadConstraints(bounded).build())
                : YAMLMapper.builder(YAMLFactory.builder().streamReadConstraints(bounded)
                        .loadSettings(LoadSettings.builder()
                                .setCodePointLimit((int) Math.min(Integer.MAX_VALUE, limits.maxFileBytes()))
                                .setAllowRecursiveKeys(false)
                                .build())
                        .build());
        return builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build();
    }

    /** Remembers where each key and value starts, by JSON pointer. */
    private void indexLocations(ObjectMapper mapper) {
        try (JsonParser parser = mapper.createParser(text)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                String pointer = parser.streamReadContext().pathAsPointer().toString();
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    var parent = parser.streamReadContext().getParent();
                    pointer = parent == null ? "" : parent.pathAsPointer().toString();
                }
                TokenStreamLocation at = parser.currentTokenLocation();
                locations.putIfAbsent(pointer, new int[] {Math.max(0, at.getLineNr()), Math.max(0, at.getColumnNr())});
            }
        }
    }

    /** A node of the tree and its JSON pointer. */
    private record Node(JsonNode json, String pointer) {
        Node child(String key) {
            JsonNode c = json == null ? null : json.get(key);
            return new Node(c, pointer + "/" + key.replace("~", "~0").replace("/", "~1"));
        }

        Node item(int index) {
            return new Node(json.get(index), pointer + "/" + index);
        }

        boolean missing() {
            return json == null || json.isNull() || json.isMissingNode();
        }
    }

    private int[] where(String pointer) {
        String p = pointer;
        while (true) {
            int[] at = locations.get(p);
            if (at != null || p.isEmpty()) {
                return at == null ? new int[] {0, 0} : at;
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }

    private static String label(String pointer) {
        return pointer.replaceFirst("^/", "").replaceAll("/(\\d+)(?=/|$)", "[$1]").replace('/', '.');
    }

    /** The scalar under a key as a cell; a list or mapping where a value belongs is reported and read as blank. */
    private Cell cell(Node parent, String key) {
        Node n = parent.child(key);
        int[] at = where(n.pointer());
        if (n.missing()) {
            return new Cell(at[0], at[1], label(n.pointer()), "");
        }
        if (n.json().isContainer()) {
            problems.add(at[0], at[1], label(n.pointer()), "expected a single value, got a "
                    + (n.json().isArray() ? "list" : "mapping"));
            return new Cell(at[0], at[1], label(n.pointer()), "");
        }
        return new Cell(at[0], at[1], label(n.pointer()), n.json().asString());
    }

    private void problem(Node node, String message) {
        int[] at = where(node.pointer());
        problems.add(at[0], at[1], label(node.pointer()), message);
    }

    private void onlyKeys(Node node, String... keys) {
        Set<String> allowed = Set.of(keys);
        for (String key : node.json().propertyNames()) {
            if (!allowed.contains(key)) {
                problem(node.child(key), "unknown key '" + key + "'; expected one of " + String.join(", ", keys));
            }
        }
    }

    /** The entries of a list under a key: each must be a mapping. */
    private List<Node> entries(Node parent, String key, boolean required) {
        Node list = parent.child(key);
        if (list.missing()) {
            if (required) {
                problem(parent, "missing " + key + "; expected a list");
            }
            return List.of();
        }
        if (!list.json().isArray()) {
            problem(list, "expected a list");
            return List.of();
        }
        List<Node> entries = new ArrayList<>();
        for (int i = 0; i < list.json().size(); i++) {
            Node entry = list.item(i);
            if (entry.missing() || !entry.json().isObject()) {
                problem(entry, "expected a mapping with keys");
            } else {
                entries.add(entry);
            }
        }
        return entries;
    }

    private String code(Cell cell, String what) {
        String code = problems.required(cell, what);
        if (code != null && !CODE.matcher(code).matches()) {
            problems.add(cell, "expected a code of letters, digits, _ . - (at most 64), got '" + Problems.abbreviate(code) + "'");
            return null;
        }
        return code;
    }

    private BigDecimal decimal(Cell cell, BigDecimal min, BigDecimal max, String expected, BigDecimal fallback) {
        if (cell.isBlank()) {
            if (fallback == null) {
                problems.add(cell, "is missing; expected " + expected);
            }
            return fallback;
        }
        return problems.decimal(cell, min, max, expected);
    }

    private Show show(Node root) {
        onlyKeys(root, "code", "name", "currency", "rate_currency", "start_date", "contingency_percent", "review_buffer_days", "episodes",
                "disciplines", "crew", "calendar_exceptions", "gpu_pools", "rate_cards", "ai_capabilities", "bid_template",
                "policy", "shot_list");
        String code = code(cell(root, "code"), "the show's code");
        Cell nameCell = cell(root, "name");
        String name = problems.required(nameCell, "the show's name") == null ? null : problems.text(nameCell, 200);
        String currency = currency(cell(root, "currency"));
        showCurrency = currency;
        // the disciplines' and pools' rates may be in another currency than the show reports in: a peso crew
        String rateCurrency = root.child("rate_currency").missing() ? currency : currency(cell(root, "rate_currency"));
        Cell startCell = cell(root, "start_date");
        LocalDate start = problems.required(startCell, "the show's start date as YYYY-MM-DD") == null ? null
                : problems.date(startCell);
        BigDecimal contingency = decimal(cell(root, "contingency_percent"), BigDecimal.ZERO, new BigDecimal("99.99"),
                "a percentage from 0 to 99.99", BigDecimal.ZERO);
        Cell bufferCell = cell(root, "review_buffer_days");
        Integer buffer = bufferCell.isBlank() ? Integer.valueOf(0) : problems.integer(bufferCell, 0, 365, "0 to 365 days");

        List<Episode> episodes = episodes(root, start, currency);
        List<Discipline> disciplines = disciplines(root, rateCurrency);
        Set<String> disciplineCodes = new HashSet<>();
        disciplines.forEach(d -> disciplineCodes.add(d.code()));
        CrewPlan crew = crew(root, disciplineCodes);
        List<GpuPool> pools = gpuPools(root, rateCurrency);
        List<RateCard> rateChanges = rateChanges(root, rateCurrency, start, disciplineCodes, pools);
        BidTemplate bid = bidTemplate(root, disciplineCodes);
        List<AiCapability> capabilities = capabilities(root, currency, pools, disciplineCodes, bid);
        AiPolicy policy = policy(root);
        if (problems.isEmpty()) {
            return new Show(code, name, currency, start, contingency, buffer, episodes, disciplines, pools, capabilities,
                    bid, policy, crew, List.of(), rateCurrency, rateChanges, List.of());
        }
        // Not a show anyone will store: just enough to check the shot list against.
        return new Show(Objects.requireNonNullElse(code, ""), "", "", LocalDate.EPOCH, BigDecimal.ZERO, 0, episodes,
                disciplines, pools, List.of(), bid, AiPolicy.UNRESTRICTED, crew, List.of());
    }

    private String currency(Cell cell) {
        String code = problems.required(cell, "an ISO 4217 currency code such as USD");
        return code == null ? null : problems.currency(cell, code);
    }

    private BigDecimal money(Cell cell, String currency, String what) {
        return money(cell, currency, what, Objects.equals(currency, showCurrency) ? "the show's currency"
                : "the rates' currency");
    }

    private BigDecimal money(Cell cell, String currency, String what, String whose) {
        if (problems.required(cell, what) == null) {
            return null;
        }
        return problems.money(cell, currency, whose);
    }

    private List<Episode> episodes(Node root, LocalDate start, String currency) {
        List<Episode> episodes = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (Node e : entries(root, "episodes", true)) {
            onlyKeys(e, "code", "title", "delivery_date", "budget");
            Cell codeCell = cell(e, "code");
            String code = code(codeCell, "the episode's code");
            if (code != null && !codes.add(code)) {
                problems.add(codeCell, "duplicate episode code " + code);
            }
            Cell titleCell = cell(e, "title");
            String title = titleCell.isBlank() ? null : problems.text(titleCell, 200);
            Cell deliveryCell = cell(e, "delivery_date");
            LocalDate delivery = null;
            if (deliveryCell.isBlank()) {
                problem(e, "episode " + (code == null ? "" : code + " ") + "has no delivery date; expected delivery_date: YYYY-MM-DD");
            } else {
                delivery = problems.date(deliveryCell);
                if (delivery != null && start != null && delivery.isBefore(start)) {
                    problems.add(deliveryCell, "episode " + code + " is due " + delivery + ", before the show starts on "
                            + start + "; expected a delivery date on or after start_date");
                }
            }
            BigDecimal budget = money(cell(e, "budget"), currency, "the episode's budget");
            if (code != null) {
                episodes.add(new Episode(code, title, delivery, budget));
            }
        }
        return episodes;
    }

    private List<Discipline> disciplines(Node root, String currency) {
        List<Discipline> disciplines = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (Node d : entries(root, "disciplines", true)) {
            onlyKeys(d, "code", "name", "day_rate");
            Cell codeCell = cell(d, "code");
            String code = code(codeCell, "the discipline's code");
            if (code != null && !codes.add(code)) {
                problems.add(codeCell, "duplicate discipline code " + code);
                continue;
            }
            Cell nameCell = cell(d, "name");
            String name = nameCell.isBlank() ? code : problems.text(nameCell, 200);
            BigDecimal rate = money(cell(d, "day_rate"), currency, "the day rate per artist-day");
            if (code != null) {
                disciplines.add(new Discipline(code, name, rate));
            }
        }
        return disciplines;
    }

    private String knownDiscipline(Cell cell, Set<String> disciplines, boolean required) {
        if (cell.isBlank()) {
            if (required) {
                problems.add(cell, "is missing; expected a discipline code");
            }
            return null;
        }
        if (!disciplines.contains(cell.text())) {
            problems.add(cell, "unknown discipline '" + Problems.abbreviate(cell.text()) + "'; the show has "
                    + String.join(", ", new java.util.TreeSet<>(disciplines)));
            return null;
        }
        return cell.text();
    }

    private CrewPlan crew(Node root, Set<String> disciplines) {
        List<CrewPlan.Capacity> capacities = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Node c : entries(root, "crew", false)) {
            onlyKeys(c, "discipline", "from", "artists");
            String discipline = knownDiscipline(cell(c, "discipline"), disciplines, true);
            Cell fromCell = cell(c, "from");
            LocalDate from = problems.required(fromCell, "the first day as YYYY-MM-DD") == null ? null : problems.date(fromCell);
            BigDecimal artists = decimal(cell(c, "artists"), BigDecimal.ZERO, BigDecimal.valueOf(10_000),
                    "artists per working day, 0 or more", null);
            if (discipline != null && from != null && !seen.add(discipline + "@" + from)) {
                problems.add(fromCell, "a second crew entry for " + discipline + " from " + from + "; keep one");
            }
            capacities.add(new CrewPlan.Capacity(discipline, from, artists));
        }
        List<CrewPlan.Exception> exceptions = new ArrayList<>();
        for (Node x : entries(root, "calendar_exceptions", false)) {
            onlyKeys(x, "day", "discipline", "artists", "reason");
            Cell dayCell = cell(x, "day");
            LocalDate day = problems.required(dayCell, "the day as YYYY-MM-DD") == null ? null : problems.date(dayCell);
            String discipline = knownDiscipline(cell(x, "discipline"), disciplines, false);
            BigDecimal artists = decimal(cell(x, "artists"), BigDecimal.ZERO, BigDecimal.valueOf(10_000),
                    "artists that day, 0 or more", null);
            Cell reasonCell = cell(x, "reason");
            exceptions.add(new CrewPlan.Exception(day, discipline, artists,
                    reasonCell.isBlank() ? null : problems.text(reasonCell, 200)));
        }
        if (!problems.isEmpty()) {
            capacities.removeIf(c -> c.from() == null);
        }
        return new CrewPlan(capacities, exceptions);
    }

    private List<GpuPool> gpuPools(Node root, String currency) {
        List<GpuPool> pools = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (Node p : entries(root, "gpu_pools", false)) {
            onlyKeys(p, "code", "gpu_type", "count", "hourly_rate", "hours_per_day");
            Cell codeCell = cell(p, "code");
            String code = code(codeCell, "the GPU pool's code");
            if (code != null && !codes.add(code)) {
                problems.add(codeCell, "duplicate GPU pool code " + code);
            }
            Cell typeCell = cell(p, "gpu_type");
            String type = problems.required(typeCell, "the GPU model, such as L40S") == null ? null : problems.text(typeCell, 64);
            Cell countCell = cell(p, "count");
            Integer count = problems.required(countCell, "the number of GPUs") == null ? null
                    : problems.integer(countCell, 0, 100_000, "a number of GPUs from 0 to 100000");
            BigDecimal rate = money(cell(p, "hourly_rate"), currency, "the price per GPU-hour");
            BigDecimal hours = decimal(cell(p, "hours_per_day"), BigDecimal.ZERO, BigDecimal.valueOf(24),
                    "hours per day from 0 to 24", null);
            if (code != null) {
                pools.add(new GpuPool(code, type, count == null ? 0 : count, rate, hours));
            }
        }
        return pools;
    }

    /**
     * The later rate cards: each names the day and hourly rates that change from its date on (the disciplines' and
     * pools' rates are the card in force from the start), in the first card's currency unless it names another. A card in
     * another currency than the card before it names every rate: an amount does not carry over into another currency.
     */
    private List<RateCard> rateChanges(Node root, String currency, LocalDate start, Set<String> disciplines,
                                       List<GpuPool> pools) {
        Set<String> poolCodes = new HashSet<>();
        pools.forEach(p -> poolCodes.add(p.code()));
        List<RateCard> cards = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<LocalDate> dates = new HashSet<>();
        names.add(RateCards.FIRST);
        Map<RateCard, Node> nodes = new HashMap<>();
        for (Node c : entries(root, "rate_cards", false)) {
            onlyKeys(c, "name", "currency", "effective_from", "day_rates", "hourly_rates");
            String cardCurrency = c.child("currency").missing() ? currency : currency(cell(c, "currency"));
            Cell nameCell = cell(c, "name");
            String name = problems.required(nameCell, "the rate card's name") == null ? null : problems.text(nameCell, 200);
            if (name != null && !names.add(name)) {
                problems.add(nameCell, "a second rate card named '" + Problems.abbreviate(name) + "'"
                        + (name.equals(RateCards.FIRST) ? " (the disciplines' and GPU pools' rates are that card)" : "")
                        + "; expected a name of its own");
            }
            Cell fromCell = cell(c, "effective_from");
            LocalDate from = problems.required(fromCell, "the first day the card prices, as YYYY-MM-DD") == null ? null
                    : problems.date(fromCell);
            if (from != null && start != null && !from.isAfter(start)) {
                problems.add(fromCell, "the card takes effect on " + from + ", not after the show starts on " + start
                        + "; the disciplines' and GPU pools' rates are the card in force from the start");
            } else if (from != null && !dates.add(from)) {
                problems.add(fromCell, "a second rate card taking effect on " + from + "; keep one");
            }
            Map<String, BigDecimal> dayRates = rates(c, "day_rates", cardCurrency, disciplines, "discipline");
            Map<String, BigDecimal> hourlyRates = rates(c, "hourly_rates", cardCurrency, poolCodes, "GPU pool");
            if (c.child("day_rates").missing() && c.child("hourly_rates").missing()) {
                problem(c, "rate card " + (name == null ? "" : name + " ")
                        + "changes no rate; expected day_rates: { comp: 650 } or hourly_rates: { render-a: 2.10 }");
            }
            if (name != null && from != null && cardCurrency != null) {
                RateCard card = new RateCard(name, cardCurrency, from, dayRates, hourlyRates);
                cards.add(card);
                nodes.put(card, c);
            }
        }
        String before = currency;
        for (RateCard card : cards.stream().sorted(Comparator.comparing(RateCard::effectiveFrom)).toList()) {
            if (before != null && !card.currency().equals(before) && (!card.dayRates().keySet().containsAll(disciplines)
                    || !card.hourlyRates().keySet().containsAll(poolCodes))) {
                problem(nodes.get(card), "rate card " + card.name() + " is in " + card.currency() + ", the card before it in "
                        + before + ": expected every discipline's day rate and every GPU pool's hourly rate in "
                        + card.currency());
            }
            before = card.currency();
        }
        return cards;
    }

    /** A rate card's mapping of discipline or GPU pool code to rate. */
    private Map<String, BigDecimal> rates(Node card, String key, String currency, Set<String> known, String what) {
        Node rates = card.child(key);
        Map<String, BigDecimal> byCode = new LinkedHashMap<>();
        if (rates.missing()) {
            return byCode;
        }
        if (!rates.json().isObject() || rates.json().isEmpty()) {
            problem(rates, "expected a mapping of " + what + " code to rate, such as { "
                    + (what.equals("discipline") ? "comp: 650" : "render-a: 2.10") + " }");
            return byCode;
        }
        for (String code : rates.json().propertyNames()) {
            Cell rateCell = cell(rates, code);
            if (!known.contains(code)) {
                problems.add(rateCell, "unknown " + what + " '" + Problems.abbreviate(code) + "'; the show has "
                        + String.join(", ", new java.util.TreeSet<>(known)));
                continue;
            }
            BigDecimal rate = money(rateCell, currency, "the rate");
            if (rate != null) {
                byCode.put(code, rate);
            }
        }
        return byCode;
    }

    private BidTemplate bidTemplate(Node root, Set<String> disciplines) {
        List<BidTemplate.Entry> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Node b : entries(root, "bid_template", true)) {
            onlyKeys(b, "work_type", "complexity", "days_per_100_frames");
            Cell workTypeCell = cell(b, "work_type");
            String workType = code(workTypeCell, "the work type");
            Cell complexityCell = cell(b, "complexity");
            Integer complexity = problems.required(complexityCell, "a complexity from 1 to 5") == null ? null
                    : problems.integer(complexityCell, 1, 5, "a complexity from 1 to 5");
            if (workType != null && complexity != null && !seen.add(workType + "@" + complexity)) {
                problems.add(complexityCell, "a second bid row for " + workType + " at complexity " + complexity + "; keep one");
            }
            Node days = b.child("days_per_100_frames");
            Map<String, BigDecimal> perDiscipline = new LinkedHashMap<>();
            if (days.missing() || !days.json().isObject() || days.json().isEmpty()) {
                problem(days.missing() ? b : days, "expected days_per_100_frames: a mapping of discipline to artist-days, "
                        + "such as { comp: 2.5 }");
            } else {
                for (String discipline : days.json().propertyNames()) {
                    Cell dayCell = cell(days, discipline);
                    boolean known = knownDiscipline(new Cell(dayCell.line(), dayCell.column(), dayCell.field(), discipline),
                            disciplines, true) != null;
                    BigDecimal value = decimal(dayCell, BigDecimal.ZERO, BigDecimal.valueOf(10_000),
                            "artist-days per 100 frames, 0 or more", null);
                    if (known && value != null) {
                        perDiscipline.put(discipline, value);
                    }
                }
            }
            if (workType != null && complexity != null) {
                entries.add(new BidTemplate.Entry(workType, complexity, perDiscipline));
            }
        }
        return new BidTemplate(entries);
    }

    private List<AiCapability> capabilities(Node root, String currency, List<GpuPool> pools, Set<String> disciplines,
                                            BidTemplate bid) {
        Set<String> poolCodes = new HashSet<>();
        pools.forEach(p -> poolCodes.add(p.code()));
        List<AiCapability> capabilities = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (Node c : entries(root, "ai_capabilities", false)) {
            onlyKeys(c, "code", "work_type", "tier", "gpu_pool", "vendor", "vendor_price_per_second", "currency",
                    "gpu_seconds_per_frame", "reference_resolution", "review_discipline", "review_days_per_100_frames",
                    "rejection_risk", "model");
            Cell codeCell = cell(c, "code");
            String code = code(codeCell, "the capability's code");
            if (code != null && !codes.add(code)) {
                problems.add(codeCell, "duplicate AI capability code " + code);
            }
            Cell workTypeCell = cell(c, "work_type");
            String workType = code(workTypeCell, "the work type it does");
            if (workType != null && !bid.knowsWorkType(workType)) {
                problems.add(workTypeCell, "unknown work type '" + workType + "'; an AI capability needs the work type in "
                        + "the bid template (its traditional cost prices a rejected result)");
            }
            Cell tierCell = cell(c, "tier");
            String tier = tierCell.isBlank() ? "standard" : problems.text(tierCell, 64);
            Cell poolCell = cell(c, "gpu_pool");
            Cell vendorCell = cell(c, "vendor");
            String pool = poolCell.isBlank() ? null : poolCell.text();
            String vendor = vendorCell.isBlank() ? null : problems.text(vendorCell, 200);
            BigDecimal vendorPrice = null;
            String vendorCurrency = null;
            if ((pool == null) == (vendor == null)) {
                problem(c, "capability " + (code == null ? "" : code + " ")
                        + "needs either gpu_pool (run in-house) or vendor with vendor_price_per_second (bought), not "
                        + (pool == null ? "neither" : "both"));
            } else if (pool != null && !poolCodes.contains(pool)) {
                problems.add(poolCell, "unknown GPU pool '" + Problems.abbreviate(pool) + "'; the show has "
                        + String.join(", ", new java.util.TreeSet<>(poolCodes)));
            } else if (vendor != null) {
                // a vendor may price and quote in its own currency: a dollar vendor of a show in pesos
                vendorCurrency = c.child("currency").missing() ? currency : currency(cell(c, "currency"));
                vendorPrice = money(cell(c, "vendor_price_per_second"), vendorCurrency,
                        "the vendor's price per second of footage", "the vendor's currency");
            }
            if (pool != null && !c.child("currency").missing()) {
                problems.add(cell(c, "currency"), "an in-house capability is priced by its GPU pool's rate card; "
                        + "currency is for a vendor's price");
            }
            BigDecimal gpuSeconds = decimal(cell(c, "gpu_seconds_per_frame"), BigDecimal.ZERO, BigDecimal.valueOf(100_000),
                    "GPU seconds per frame, 0 or more", pool == null ? BigDecimal.ZERO : null);
            Cell resolutionCell = cell(c, "reference_resolution");
            Resolution resolution = Resolution.HD;
            if (!resolutionCell.isBlank()) {
                try {
                    resolution = Resolution.parse(resolutionCell.text());
                } catch (IllegalArgumentException e) {
                    problems.add(resolutionCell, "expected a resolution such as 1920x1080, got '"
                            + Problems.abbreviate(resolutionCell.text()) + "'");
                }
                if (Math.max(resolution.width(), resolution.height()) > limits.maxResolutionSide()) {
                    problems.add(resolutionCell, resolution + " is larger than the limit of "
                            + limits.maxResolutionSide() + " pixels per side (shotplan.import.max-resolution-side)");
                    resolution = Resolution.HD;
                }
            }
            String reviewDiscipline = knownDiscipline(cell(c, "review_discipline"), disciplines, false);
            BigDecimal reviewDays = decimal(cell(c, "review_days_per_100_frames"), BigDecimal.ZERO,
                    BigDecimal.valueOf(10_000), "artist-days per 100 frames, 0 or more", BigDecimal.ZERO);
            BigDecimal risk = decimal(cell(c, "rejection_risk"), BigDecimal.ZERO, BigDecimal.ONE,
                    "a probability from 0 to 1", BigDecimal.ZERO);
            Cell modelCell = cell(c, "model");
            String model = modelCell.isBlank() ? null : problems.text(modelCell, 200);
            capabilities.add(new AiCapability(code, workType, tier, pool, vendor, vendorPrice, vendorCurrency, gpuSeconds, resolution,
                    reviewDiscipline, reviewDays, risk, model));
        }
        return capabilities;
    }

    private AiPolicy policy(Node root) {
        Node policy = root.child("policy");
        if (policy.missing()) {
            return AiPolicy.UNRESTRICTED;
        }
        if (!policy.json().isObject()) {
            problem(policy, "expected a mapping with max_ai_share_per_episode and never_ai_work_types");
            return AiPolicy.UNRESTRICTED;
        }
        onlyKeys(policy, "max_ai_share_per_episode", "never_ai_work_types");
        BigDecimal share = decimal(cell(policy, "max_ai_share_per_episode"), BigDecimal.ZERO, BigDecimal.ONE,
                "a share from 0 to 1", BigDecimal.ONE);
        Set<String> never = new LinkedHashSet<>();
        Node list = policy.child("never_ai_work_types");
        if (!list.missing()) {
            if (!list.json().isArray()) {
                problem(list, "expected a list of work types, such as [de_aging]");
            } else {
                for (int i = 0; i < list.json().size(); i++) {
                    Node item = list.item(i);
                    if (item.missing() || item.json().isContainer()) {
                        problem(item, "expected a work type");
                    } else {
                        never.add(item.json().asString());
                    }
                }
            }
        }
        return new AiPolicy(share, never);
    }
}
