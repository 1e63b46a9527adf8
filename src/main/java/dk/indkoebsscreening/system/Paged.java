package dk.indkoebsscreening.system;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a longer list, for pages and the API.
 *
 * @param page 1-based
 */
public record Paged<T>(List<T> items, long total, int page, int size) {

    /** A page number as typed in an address; anything but a number is the first page. */
    public static int requested(String page) {
        try {
            return Integer.parseInt(page.strip());
        } catch (NumberFormatException | NullPointerException e) {
            return 1;
        }
    }

    /**
     * A paging parameter of the API as asked, when it lies within {@code min..max}.
     *
     * @throws PageOutOfRangeException it does not
     */
    public static int within(String parameter, int value, int min, int max) {
        if (value < min || value > max) {
            throw new PageOutOfRangeException(parameter, value, min, max);
        }
        return value;
    }

    /** The page a person asked for, within the pages there are (a typed page number may be anything). */
    public static int clamp(int requested, long total, int size) {
        long pages = Math.max(1, (total + size - 1) / size);
        return (int) Math.min(Math.max(1, requested), pages);
    }

    /** The requested page of a list that is already in memory. */
    public static <T> Paged<T> of(List<T> all, int requested, int size) {
        int page = clamp(requested, all.size(), size);
        return new Paged<>(all.subList((page - 1) * size, Math.min(page * size, all.size())), all.size(), page, size);
    }

    /**
     * This page, when it is the one asked for: the API refuses a page before the first or beyond the last (a client
     * counting pages up would otherwise be handed the last one again and again).
     *
     * @throws PageOutOfRangeException it is not
     */
    public Paged<T> requirePage(int requested) {
        if (requested != page) {
            throw new PageOutOfRangeException("page", requested, 1, pages());
        }
        return this;
    }

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages();
    }

    public <R> Paged<R> map(Function<T, R> mapper) {
        return new Paged<>(items.stream().map(mapper).toList(), total, page, size);
    }
}
