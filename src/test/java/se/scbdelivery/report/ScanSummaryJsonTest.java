package se.scbdelivery.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import se.scbdelivery.delivery.StopRequest;

import static org.assertj.core.api.Assertions.assertThat;

class ScanSummaryJsonTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void holdsTheRunTheTotalsAndEveryRowWithItsFields(@TempDir Path reports) throws Exception {
		// given
		ScanSummary summary = ScanSummaries.monthEnd();

		// when
		Path file = new ScanSummaryWriter(ZoneOffset.UTC).write(summary, reports).get(0);

		// then
		JsonNode json = JSON.readTree(Files.readString(file));
		assertThat(json.get("inbox").asString()).isEqualTo("/srv/scb/inbox");
		assertThat(json.get("startedAt").asString()).isEqualTo("2026-11-23T17:11:00Z");
		assertThat(json.get("endedAt").asString()).isEqualTo("2026-11-23T17:24:37Z");
		assertThat(json.get("exitCode").asInt()).isEqualTo(1);
		assertThat(JSON.treeToValue(json.get("totals"), Map.class)).containsExactly(Map.entry("LOADED", 6),
				Map.entry("LOADED_WITH_ERRORS", 1), Map.entry("NOT_LOADED", 1), Map.entry("REFUSED", 1),
				Map.entry("FAILED", 1), Map.entry("INVALID_INPUT", 1), Map.entry("STOPPED", 1));
		assertThat(json.get("rows")).hasSize(12);
		assertThat(json.get("rows").valueStream().map((row) -> JSON.treeToValue(row, ScanRow.class)))
			.containsExactlyElementsOf(summary.rows());
	}

	@Test
	void aRunStoppedOnRequestHasTheExitCodeTheProcessEndsWithAndSaysWhy(@TempDir Path reports) throws Exception {
		ScanSummary stopped = ScanSummaries.monthEnd().stopped(new StopRequest("SIGTERM", 143));

		Path file = new ScanSummaryWriter(ZoneOffset.UTC).write(stopped, reports).get(0);

		JsonNode json = JSON.readTree(Files.readString(file));
		assertThat(json.get("exitCode").asInt()).isEqualTo(143);
		assertThat(json.get("stop").asString()).isEqualTo("stopped on request by SIGTERM: the process exits 143");
		assertThat(JSON.readTree(Files.readString(
				new ScanSummaryWriter(ZoneOffset.UTC).write(ScanSummaries.monthEnd(), reports.resolve("plain")).get(0)))
			.has("stop")).as("a run that was not stopped has no stop").isFalse();
	}

	@Test
	void isIndentedForAPersonReadingIt(@TempDir Path reports) throws Exception {
		Path file = new ScanSummaryWriter(ZoneOffset.UTC).write(ScanSummaries.monthEnd(), reports).get(0);

		assertThat(Files.readAllLines(file)).hasSizeGreaterThan(100).contains("  \"exitCode\" : 1,");
	}

}
