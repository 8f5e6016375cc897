package io.commentharvester.harvest;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import io.commentharvester.weapi.WeapiCrypto;

/** Replaces a JSON request body by its weapi form body {@code params=...&encSecKey=...}. */
public class WeapiCryptoProcessor implements Processor {

    private final WeapiCrypto crypto;

    public WeapiCryptoProcessor(WeapiCrypto crypto) {
        this.crypto = crypto;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        String text = exchange.getIn().getMandatoryBody(String.class);
        exchange.getIn().setBody(crypto.encrypt(text).toFormBody());
    }
}
