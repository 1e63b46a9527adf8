package dk.indkoebsscreening.attachment;

import org.springframework.core.io.InputStreamSource;

/**
 * A file as it arrived (a multipart part, already spooled to disk by the servlet container), readable more
 * than once: once to find its type, once to store it.
 *
 * @param name the name the sender gave; untrusted
 * @param size the size the container counted
 */
public record Upload(String name, long size, InputStreamSource content) {
}
