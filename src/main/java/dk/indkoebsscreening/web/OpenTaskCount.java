package dk.indkoebsscreening.web;

import dk.indkoebsscreening.security.CurrentUser;

/**
 * How many open tasks the user's inbox lists, for the menu ("Opgaver (3)"). The tasks module answers it; the layout
 * knows no tasks.
 */
public interface OpenTaskCount {

    long of(CurrentUser user);
}
