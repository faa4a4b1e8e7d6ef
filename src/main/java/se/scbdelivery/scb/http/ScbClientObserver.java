package se.scbdelivery.scb.http;

import java.util.List;

import se.scbdelivery.scb.http.ClientCertificate.CertificateInfo;

/**
 * What the SCB client tells whoever watches it (the metrics): the certificate it
 * presents, and every attempt and retry of a call. Called on the calling thread;
 * implementations must be quick and must not throw.
 */
public interface ScbClientObserver {

	/** Observes nothing. */
	ScbClientObserver NONE = new ScbClientObserver() {
	};

	/**
	 * The client's TLS context was built with this certificate chain (client certificate
	 * first).
	 */
	default void certificateInUse(List<CertificateInfo> chain) {
	}

	/** One attempt of a call ended so. */
	default void attempted(ScbEndpoint endpoint, CallResult result) {
	}

	/** A call is attempted again after a transient fault. */
	default void retried(ScbEndpoint endpoint) {
	}

}
