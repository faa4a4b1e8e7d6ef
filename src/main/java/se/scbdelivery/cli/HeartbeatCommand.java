package se.scbdelivery.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import se.scbdelivery.config.ScbProperties;
import se.scbdelivery.delivery.launch.ClientCertificateCheck;
import se.scbdelivery.scb.gdb.GdbClient;
import se.scbdelivery.scb.gdb.GdbSession;
import se.scbdelivery.scb.gdb.SessionCookie;
import se.scbdelivery.scb.http.ClientCertificate;
import se.scbdelivery.scb.http.ClientCertificate.CertificateInfo;

@Command(name = "heartbeat", mixinStandardHelpOptions = true,
		header = "Checks the connection to SCB and the client certificate.",
		description = "Calls GDB's heartbeat with the configured certificate and prints what SCB answered.",
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:SCB answered", "1:SCB could not be reached or refused the certificate",
				"2:the configured certificate cannot be used" })
class HeartbeatCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	private final GdbClient gdb;

	private final ScbProperties properties;

	private final ClientCertificateCheck certificateCheck;

	HeartbeatCommand(GdbClient gdb, ScbProperties properties, ClientCertificateCheck certificateCheck) {
		this.gdb = gdb;
		this.properties = properties;
		this.certificateCheck = certificateCheck;
	}

	@Override
	public Integer call() {
		this.properties.environmentMismatch().ifPresent((reason) -> {
			throw new IllegalArgumentException(reason);
		});
		PrintWriter out = this.spec.commandLine().getOut();
		out.println("GDB API     " + this.properties.gdbBaseUrl() + " (" + this.properties.environment().key() + ")");
		if (this.properties.tls().keyStore() != null) {
			CertificateInfo certificate = ClientCertificate.inspect(this.properties.tls());
			out.println("certificate " + certificate.subject());
			out.println("  serial    " + certificate.serialNumberHex());
			out.println("  valid     " + certificate.notBefore() + " to " + certificate.notAfter());
			for (String warning : this.certificateCheck.check()) {
				out.println("  WARNING   " + warning);
			}
			out.flush();
		}
		else {
			out.println("certificate none configured (scb.tls.key-store)");
		}
		GdbSession session = this.gdb.heartbeat();
		out.println("heartbeat   OK, server time " + session.serverTime());
		out.println(
				"cookies     " + session.cookies().stream().map(SessionCookie::name).collect(Collectors.joining(", ")));
		out.flush();
		return ExitCodes.OK;
	}

}
