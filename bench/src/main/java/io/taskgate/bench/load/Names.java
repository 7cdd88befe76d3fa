package io.taskgate.bench.load;

import java.util.Random;

/** Plausible names and texts, so rows have the widths of real ones. */
final class Names {

    private static final String[] FIRST = {"Ana", "Ben", "Chloe", "Dmitri", "Elif", "Farah", "Gustav", "Hana",
        "Ivan", "Jonas", "Kemal", "Lena", "Mateo", "Nadia", "Olga", "Pavel", "Quentin", "Rosa", "Sven", "Tariq",
        "Uma", "Viktor", "Wen", "Ximena", "Yusuf", "Zoe"};
    private static final String[] LAST = {"Almeida", "Brandt", "Costa", "Dubois", "Eriksen", "Fischer", "Garcia",
        "Horvat", "Ivanova", "Jensen", "Kowalski", "Laurent", "Moreau", "Novak", "Olsen", "Petrov", "Quinn",
        "Rossi", "Schmidt", "Tanaka", "Ueda", "Vidal", "Weber", "Xu", "Yilmaz", "Zimmer"};
    private static final String[] VERBS = {"Prepare", "Review", "Update", "Fix", "Plan", "Draft", "Check", "Order",
        "Clean", "Schedule", "Call", "Migrate", "Design", "Test", "Publish", "Archive", "Train", "Restock"};
    private static final String[] THINGS = {"quarterly report", "espresso machine", "onboarding guide",
        "supplier invoice", "shift roster", "menu for spring", "login page", "inventory count", "press release",
        "safety checklist", "customer feedback", "delivery route", "budget sheet", "team offsite", "API docs",
        "database backup", "window display", "loyalty programme"};
    private static final String[] SENTENCES = {"Coordinate with the team before Friday.",
        "See the notes from the last meeting for context.", "The customer asked for this twice already.",
        "Keep the old version until the new one is approved.", "Budget is limited, ask before ordering.",
        "Attach photos when done.", "This blocks the release of the next version.",
        "Low effort, but it has to be done every week."};
    private static final String[] AREAS = {"Operations", "Marketing", "Kitchen", "Platform", "Sales", "Finance",
        "Support", "Logistics", "Design", "People"};

    private Names() {
    }

    static String person(Random random) {
        return FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
    }

    static String integration(Random random, int n) {
        String[] kinds = {"Zapier", "Make", "n8n", "Slack bot", "Payroll sync", "BI export", "CRM bridge"};
        return kinds[random.nextInt(kinds.length)] + " #" + n;
    }

    static String team(Random random, int n) {
        return AREAS[random.nextInt(AREAS.length)] + " team " + n;
    }

    static String project(Random random, int n) {
        return AREAS[random.nextInt(AREAS.length)] + ": " + THINGS[random.nextInt(THINGS.length)] + " " + n;
    }

    static String position(int n) {
        String[] kinds = {"Barista", "Cook", "Cashier", "Driver", "Cleaner", "Host", "Dispatcher"};
        return kinds[n % kinds.length] + " " + (n / kinds.length + 1);
    }

    static String title(Random random) {
        return VERBS[random.nextInt(VERBS.length)] + " " + THINGS[random.nextInt(THINGS.length)];
    }

    static String description(Random random) {
        int sentences = random.nextInt(10) < 4 ? 0 : 1 + random.nextInt(3);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < sentences; i++) {
            if (i > 0) {
                text.append(' ');
            }
            text.append(SENTENCES[random.nextInt(SENTENCES.length)]);
        }
        return text.toString();
    }
}
