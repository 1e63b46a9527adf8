package dk.indkoebsscreening;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class IndkoebsscreeningApplication {

    public static void main(String[] args) {
        SpringApplication.run(IndkoebsscreeningApplication.class, args);
    }
}
