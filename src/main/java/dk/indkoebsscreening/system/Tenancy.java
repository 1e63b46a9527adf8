package dk.indkoebsscreening.system;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Which municipality the current thread acts for, and whose rows it may see.
 * <p>
 * Every municipality of an installation is a tenant, named by its id (e.g. {@code nordby}). A request of a signed-in
 * user runs in that user's municipality; work that belongs to no user takes the municipality from the row or the
 * process it handles: the outbox and mail relays and the retention jobs run across all municipalities, the model's
 * code in its process instance's, the vendor link and absence jobs find their rows across all and handle each in its
 * municipality, the overview's refresh counts each municipality acting for it, a vendor's pages in their invitation's.
 * Other work outside any scope acts for the installation's municipality, which is every row's while an installation
 * has one. The scope is held per thread because the database connection, the engine and the mails are reached from
 * deep inside services that should not pass it along by hand; it is always set and restored around a piece of work,
 * never left behind on a pooled thread.
 */
public final class Tenancy {

    /** The id every municipality's id must match: lower-case letters, digits and hyphens. */
    public static final String ID_PATTERN = "[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?";

    private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();

    private Tenancy() {
    }

    /**
     * @param tenant  the municipality acting, whose rows new rows belong to; {@code null} when the work acts for no
     *                single municipality (across all)
     * @param visible the municipalities whose rows may be read; ignored when {@code all}
     * @param all     every municipality's rows are visible (background work, the shared organisation's overview)
     */
    public record Scope(String tenant, Set<String> visible, boolean all) {

        public Scope {
            visible = Set.copyOf(visible);
        }

        /** Acting for no municipality and seeing none's rows: a request before (or without) a signed-in user. */
        public static final Scope NOBODY = new Scope(null, Set.of(), false);

        /** Acting for one municipality, seeing only its rows. */
        public static Scope of(String municipality) {
            return new Scope(municipality, Set.of(municipality), false);
        }

        /** The same text for the same scope, for a key of what is kept per scope. */
        public String key() {
            return all ? "*" : tenant + "/" + String.join(",", new TreeSet<>(visible));
        }

        public boolean sees(String municipality) {
            return all || visible.contains(municipality);
        }

        /**
         * A condition keeping a table without row-level security to this scope's municipalities, written so that an index
         * led by the column serves it (an equality when the scope sees one); its parameter is {@link #conditionParameters}.
         */
        public String condition(String column) {
            return all ? "true" : visible.size() == 1 ? column + " = :scopeTenant"
                    : column + " = any(cast(:scopeTenants as text[]))";
        }

        public Map<String, Object> conditionParameters() {
            return all ? Map.of() : visible.size() == 1 ? Map.of("scopeTenant", visible.iterator().next())
                    : Map.of("scopeTenants", visible.toArray(String[]::new));
        }
    }

    /** The scope of the current thread, empty outside any. */
    public static Optional<Scope> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** The municipality the current thread acts for, empty outside a scope or across all. */
    public static Optional<String> currentTenant() {
        return current().map(Scope::tenant);
    }

    /** Runs {@code work} acting for one municipality, seeing only its rows. */
    public static <T> T callAs(String municipality, Supplier<T> work) {
        return callIn(Scope.of(municipality), work);
    }

    public static void runAs(String municipality, Runnable work) {
        callAs(municipality, () -> {
            work.run();
            return null;
        });
    }

    /** Runs {@code work} across every municipality: background work that takes the municipality from what it handles. */
    public static <T> T callAcross(Supplier<T> work) {
        return callIn(new Scope(null, Set.of(), true), work);
    }

    public static void runAcross(Runnable work) {
        callAcross(() -> {
            work.run();
            return null;
        });
    }

    /** Runs {@code work} in {@code scope} and restores the scope before, also when {@code work} throws. */
    public static <T> T callIn(Scope scope, Supplier<T> work) {
        Scope before = CURRENT.get();
        CURRENT.set(scope);
        try {
            return work.get();
        } finally {
            if (before == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(before);
            }
        }
    }
}
