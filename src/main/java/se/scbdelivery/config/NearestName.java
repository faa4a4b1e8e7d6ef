package se.scbdelivery.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * The known name a mistyped one was probably meant to be, for a "did you mean": the
 * closest by edit distance, when it is close enough to be a typo. Dashes, underscores and
 * case do not count, as in Spring Boot's relaxed binding.
 */
public final class NearestName {

	private NearestName() {
	}

	public static Optional<String> to(String typed, Collection<String> known) {
		String wanted = uniform(typed);
		int allowed = Math.max(2, wanted.length() / 5);
		return known.stream()
			.min(Comparator.comparingInt((String name) -> distance(uniform(name), wanted)))
			.filter((name) -> distance(uniform(name), wanted) <= allowed);
	}

	private static String uniform(String name) {
		return name.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
	}

	private static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int cost = (a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1;
				current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

}
