package io.onboarding.web;

import java.nio.file.Path;

/**
 * A file an operator uploaded, stored under a name the server chose.
 *
 * @param id the server's name for it, without extension; safe in a URL and a path
 * @param originalName the name the browser sent, for display only — never used as a path
 */
public record Upload(String id, Path file, String originalName) {
}
