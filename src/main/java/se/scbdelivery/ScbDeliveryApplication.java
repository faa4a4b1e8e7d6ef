package se.scbdelivery;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ScbDeliveryApplication {

	public static void main(String[] args) {
		System.exit(SpringApplication.exit(SpringApplication.run(ScbDeliveryApplication.class, args)));
	}

}
