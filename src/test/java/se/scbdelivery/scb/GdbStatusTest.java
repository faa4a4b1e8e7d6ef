package se.scbdelivery.scb;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import se.scbdelivery.scb.gdb.GdbStatus;

import static org.assertj.core.api.Assertions.assertThat;

class GdbStatusTest {

	@ParameterizedTest
	@CsvSource({ "Bearbetar,1,PROCESSING,false", "Inläst,3,LOADED,true", "Inläst med fel,2,LOADED_WITH_ERRORS,true",
			"Ej inläst,2,NOT_LOADED,true", "Systemfel,2,SYSTEM_ERROR,true" })
	void readsEveryDocumentedStatus(String text, int progress, GdbStatus.Kind kind, boolean isFinal) {
		GdbStatus status = new GdbStatus(text, progress);
		assertThat(status.kind()).isEqualTo(kind);
		assertThat(status.isFinal()).isEqualTo(isFinal);
	}

	@Test
	void keepsAnUnknownTextAndJudgesItByProgressStatus() {
		assertThat(new GdbStatus("Arkiverad", 1).isFinal()).isFalse();
		assertThat(new GdbStatus("Arkiverad", 3).isFinal()).isTrue();
		GdbStatus unknown = new GdbStatus("Arkiverad", 2);
		assertThat(unknown.kind()).isEqualTo(GdbStatus.Kind.UNKNOWN);
		assertThat(unknown.isFinal()).isTrue();
		assertThat(unknown.whatToDo()).contains("'Arkiverad'").contains("ProgressStatus 2").contains("Indataportalen");
	}

	@Test
	void saysWhatToDoForEachOutcome() {
		assertThat(new GdbStatus("Ej inläst", 2).whatToDo()).contains("deliver a complete file again");
		assertThat(new GdbStatus("Systemfel", 2).whatToDo()).contains("upload the file again");
		assertThat(new GdbStatus("Inläst med fel", 2).whatToDo()).contains("Indataportalen");
	}

}
