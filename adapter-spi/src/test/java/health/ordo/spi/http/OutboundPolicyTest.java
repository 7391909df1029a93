package health.ordo.spi.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which destinations a tenant's connector may reach. */
class OutboundPolicyTest {

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1/", "https://127.1.2.3:8443/x", "https://169.254.169.254/latest/meta-data/",
            "https://10.0.0.1/", "https://172.16.4.4/", "https://192.168.1.1/", "https://100.64.0.1/", "https://0.0.0.0/",
            "https://[::1]/", "https://[fe80::1]/", "https://[fd00:ec2::254]/", "https://[::ffff:127.0.0.1]/", "https://224.0.0.1/",
            "https://[::]/", "https://metadata.google.internal/computeMetadata/v1/", "https://instance-data/", "https://[::127.0.0.1]/",
            "https://[2001::7f00:1]/", "https://2130706433/"})
    void givenTheStrictPolicy_aNonPublicDestination_isRefused(String url) {
        assertThatThrownBy(() -> OutboundPolicy.strict().check(URI.create(url)))
                .isInstanceOf(OutboundRefusedException.class).hasMessageStartingWith(OutboundPolicy.REFUSED);
    }

    @Test
    void givenAPublicName_plainHttp_isRefused_andHttpsAdmitted() {
        OutboundPolicy policy = OutboundPolicy.strict().withResolver(host -> new InetAddress[]{ip("93.184.216.34")});

        assertThatThrownBy(() -> policy.check(URI.create("http://erp.example.com/"))).hasMessageContaining("only https");
        assertThatCode(() -> policy.check(URI.create("https://erp.example.com/"))).doesNotThrowAnyException();
    }

    @Test
    void givenANameWithOnePrivateAddressAmongPublicOnes_itIsRefused() {
        OutboundPolicy policy = OutboundPolicy.strict()
                .withResolver(host -> new InetAddress[]{ip("93.184.216.34"), ip("10.1.2.3")});

        assertThatThrownBy(() -> policy.check(URI.create("https://mixed.example.com/"))).isInstanceOf(OutboundRefusedException.class);
    }

    @Test
    void givenAnAllowList_itsNetworksAndNames_areAdmitted_overHttpToo() {
        OutboundPolicy policy = OutboundPolicy.allowing("10.20.0.0/16, erp.hospital.local")
                .withResolver(host -> new InetAddress[]{ip(host.equals("erp.hospital.local") ? "192.168.7.7" : host)});

        assertThatCode(() -> policy.check(URI.create("http://10.20.3.4:8000/"))).doesNotThrowAnyException();
        assertThatCode(() -> policy.check(URI.create("http://erp.hospital.local/"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> policy.check(URI.create("https://10.21.0.1/"))).isInstanceOf(OutboundRefusedException.class);
    }

    @Test
    void credentialsInTheUrl_andOtherSchemes_areRefused() {
        assertThatThrownBy(() -> OutboundPolicy.strict().check(URI.create("https://u:p@93.184.216.34/")))
                .hasMessageContaining("credentials");
        assertThatThrownBy(() -> OutboundPolicy.strict().check(URI.create("file:///etc/passwd"))).isInstanceOf(OutboundRefusedException.class);
        assertThatThrownBy(() -> OutboundPolicy.strict().check(URI.create("gopher://93.184.216.34/"))).hasMessageContaining("https");
    }

    @Test
    void aRefusal_namesNoAddressTheNameResolvedTo() {
        OutboundPolicy policy = OutboundPolicy.strict().withResolver(host -> new InetAddress[]{ip("10.9.8.7")});

        assertThatThrownBy(() -> policy.check(URI.create("https://inside.example.com/")))
                .hasMessageContaining("inside.example.com").hasMessageNotContaining("10.9.8.7");
    }

    @Test
    void aNameTheDeploymentAdmits_stillNeverReachesTheLinkLocalMetadataService() {
        OutboundPolicy policy = OutboundPolicy.allowing("erp.hospital.local").withResolver(host -> new InetAddress[]{ip("169.254.169.254")});

        assertThatThrownBy(() -> policy.check(URI.create("http://erp.hospital.local/"))).isInstanceOf(OutboundRefusedException.class);
    }

    @Test
    void aNameThatDoesNotResolve_andOneThatResolvesInside_areRefusedAlike() {
        OutboundPolicy inside = OutboundPolicy.strict().withResolver(host -> new InetAddress[]{ip("10.1.1.1")});
        OutboundPolicy nowhere = OutboundPolicy.strict().withResolver(host -> {
            throw new UnknownHostException(host);
        });

        String insideMessage = catchMessage(() -> inside.check(URI.create("https://hr.example.com/")));
        String nowhereMessage = catchMessage(() -> nowhere.check(URI.create("https://hr.example.com/")));

        assertThat(insideMessage).isEqualTo(nowhereMessage);
    }

    private static String catchMessage(Runnable call) {
        try {
            call.run();
            return null;
        } catch (OutboundRefusedException e) {
            return e.getMessage();
        }
    }

    @Test
    void anAllowListEntryThatIsNeither_isRefusedAtStart() {
        assertThatThrownBy(() -> OutboundPolicy.allowing("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OutboundPolicy.allowing("not a host")).hasMessageContaining("not a host");
    }
}
