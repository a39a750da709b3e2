package org.hcp.rectification;

import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/** Binds {@code hcp.rectification.profiles.*.*-within: 10 WORKING_DAYS} to a {@link Term}. */
@Component
@ConfigurationPropertiesBinding
class TermConverter implements Converter<String, Term> {

	@Override
	public Term convert(String source) {
		return Term.valueOf(source);
	}
}
