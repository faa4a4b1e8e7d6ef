package se.scbdelivery.delivery;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

import se.scbdelivery.config.ScbEnvironment;

/**
 * The job parameters of a delivery. The identifying ones are what makes a delivery unique
 * — through GDB: channel, environment, program, organisation, period, format, version,
 * file name and the file's SHA-256; through the generic service: channel, environment,
 * contract, organisation, delivery format name, external version id, the test flag, file
 * name and SHA-256 — so the same file delivered again with the same metadata is the same
 * job instance. The path and size are informative only. Never a secret.
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

	public static final String CONTRACT = "contract";

	public static final String DELIVERY_FORMAT_NAME = "deliveryFormatName";

	public static final String EXTERNAL_VERSION_ID = "externalVersionId";

	public static final String TEST = "test";

	/**
	 * How many times the delivery was abandoned before this one: an explicit
	 * {@code deliver} of an abandoned file is a delivery of its own. Absent at first.
	 */
	public static final String RENEWAL = "renewal";

	private DeliveryJobParameters() {
	}

	/**
	 * The parameters of the delivery of a file whose delivery with these parameters was
	 * abandoned.
	 */
	public static JobParameters renewed(JobParameters abandoned) {
		Long renewal = abandoned.getLong(RENEWAL);
		return new JobParametersBuilder(abandoned).addLong(RENEWAL, (renewal != null) ? renewal + 1 : 1L, true)
			.toJobParameters();
	}

	/** The parameters of a request's delivery, whichever its channel. */
	public static JobParameters of(ScbEnvironment environment, DeliveryRequest request, FileFingerprint fingerprint) {
		if (request instanceof GdbDeliveryRequest gdb) {
			return of(environment, gdb, fingerprint);
		}
		return of(environment, (GenericDeliveryRequest) request, fingerprint);
	}

	private static JobParameters of(ScbEnvironment environment, GdbDeliveryRequest request,
			FileFingerprint fingerprint) {
		return new JobParametersBuilder().addString(API, Channel.GDB.key(), true)
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

	private static JobParameters of(ScbEnvironment environment, GenericDeliveryRequest request,
			FileFingerprint fingerprint) {
		return new JobParametersBuilder().addString(API, Channel.GENERIC.key(), true)
			.addString(ENVIRONMENT, environment.key(), true)
			.addString(CONTRACT, request.contract(), true)
			.addString(ORGANISATION, (request.organisation() != null) ? request.organisation().value() : "", true)
			.addString(DELIVERY_FORMAT_NAME, orEmpty(request.deliveryFormatName()), true)
			.addString(EXTERNAL_VERSION_ID, orEmpty(request.externalVersionId()), true)
			.addString(TEST, String.valueOf(request.test()), true)
			.addString(FILE_NAME, request.fileName(), true)
			.addString(SHA256, fingerprint.sha256(), true)
			.addString(FILE, request.file().toString(), false)
			.addLong(SIZE, fingerprint.size(), false)
			.toJobParameters();
	}

	/** The generic request these parameters were made from. */
	public static GenericDeliveryRequest genericRequest(JobParameters parameters) {
		return GenericDeliveryRequest.of(file(parameters), parameters.getString(CONTRACT),
				parameters.getString(ORGANISATION), parameters.getString(DELIVERY_FORMAT_NAME),
				parameters.getString(EXTERNAL_VERSION_ID), Boolean.parseBoolean(parameters.getString(TEST)));
	}

	/** Which channel the parameters' delivery goes through. */
	public static Channel channel(JobParameters parameters) {
		return Channel.ofKey(parameters.getString(API, Channel.GDB.key()));
	}

	public static Path file(JobParameters parameters) {
		return Path.of(parameters.getString(FILE));
	}

	/** The request these parameters were made from. */
	public static GdbDeliveryRequest gdbRequest(JobParameters parameters) {
		String version = parameters.getString(VERSION);
		return GdbDeliveryRequest.of(Path.of(parameters.getString(FILE)), parameters.getString(ORGANISATION),
				parameters.getString(PROGRAM), parameters.getString(PERIOD), parameters.getString(FORMAT),
				(version == null || version.isEmpty()) ? null : version, parameters.getString(FILE_NAME));
	}

	private static String orEmpty(@Nullable String value) {
		return (value != null) ? value : "";
	}

	public static FileFingerprint fingerprint(JobParameters parameters) {
		return new FileFingerprint(parameters.getString(SHA256), parameters.getLong(SIZE));
	}

}
