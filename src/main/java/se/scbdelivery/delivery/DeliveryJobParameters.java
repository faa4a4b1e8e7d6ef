package se.scbdelivery.delivery;

import java.nio.file.Path;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

import se.scbdelivery.scb.ScbEnvironment;

/**
 * The job parameters of a GDB delivery. The identifying ones are what makes a delivery
 * unique — channel, environment, program, organisation, period, format, version, file name
 * and the file's SHA-256 — so the same file delivered again with the same metadata is the
 * same job instance. The path and size are informative only. Never a secret.
 */
public final class DeliveryJobParameters {

	public static final String API = "api";

	public static final String ENVIRONMENT = "environment";

	public static final String PROGRAM = "program";

	public static final String ORGANISATION = "organisation";

	public static final String PERIOD = "period";

	public static final String FORMAT = "format";

	public static final String VERSION = "version";

	public static final String FILE_NAME = "fileName";

	public static final String SHA256 = "sha256";

	public static final String FILE = "file";

	public static final String SIZE = "size";

	/** The channel: SCB's GDB M2M v2 API. */
	public static final String GDB = "gdb";

	private DeliveryJobParameters() {
	}

	public static JobParameters of(ScbEnvironment environment, DeliveryRequest request, FileFingerprint fingerprint) {
		return new JobParametersBuilder().addString(API, GDB, true)
			.addString(ENVIRONMENT, environment.key(), true)
			.addString(PROGRAM, request.program().name(), true)
			.addString(ORGANISATION, request.organisation().value(), true)
			.addString(PERIOD, request.referencePeriod().toString(), true)
			.addString(FORMAT, request.fileFormat(), true)
			.addString(VERSION, (request.version() != null) ? request.version() : "", true)
			.addString(FILE_NAME, request.fileName(), true)
			.addString(SHA256, fingerprint.sha256(), true)
			.addString(FILE, request.file().toString(), false)
			.addLong(SIZE, fingerprint.size(), false)
			.toJobParameters();
	}

	/** The request these parameters were made from. */
	public static DeliveryRequest request(JobParameters parameters) {
		String version = parameters.getString(VERSION);
		return DeliveryRequest.of(Path.of(parameters.getString(FILE)), parameters.getString(ORGANISATION),
				parameters.getString(PROGRAM), parameters.getString(PERIOD), parameters.getString(FORMAT),
				(version == null || version.isEmpty()) ? null : version, parameters.getString(FILE_NAME));
	}

	public static FileFingerprint fingerprint(JobParameters parameters) {
		return new FileFingerprint(parameters.getString(SHA256), parameters.getLong(SIZE));
	}

}
