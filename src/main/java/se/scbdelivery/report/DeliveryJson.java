package se.scbdelivery.report;

import java.io.PrintWriter;
import java.util.List;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import se.scbdelivery.delivery.outcome.DeliveryReport;

/**
 * {@code list --json}: the reports as one JSON array, each as it is written to
 * {@code scb.report.dir}, for scripts. No secrets are in a report.
 */
public final class DeliveryJson {

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private DeliveryJson() {
	}

	public static void print(List<DeliveryReport> reports, PrintWriter out) {
		out.println(JSON.writeValueAsString(reports));
		out.flush();
	}

}
