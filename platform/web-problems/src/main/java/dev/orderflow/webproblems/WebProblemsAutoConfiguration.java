package dev.orderflow.webproblems;

import org.apache.catalina.startup.Tomcat;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * RFC 9457 problem details for the errors a service's own exception handlers never see: Tomcat's rejections of
 * requests it cannot parse, the {@code /error} dispatch, and requests whose {@code Accept} header or query string
 * cannot be read. With the services' {@code ApiProblems}, every error answer is {@code application/problem+json}.
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class WebProblemsAutoConfiguration {

    /** Boot's BasicErrorController backs off when there is another ErrorController. */
    @Bean
    @ConditionalOnMissingBean(ErrorController.class)
    ProblemDetailsErrorController problemDetailsErrorController() {
        return new ProblemDetailsErrorController();
    }

    /** After the correlation id and observation filters, so that these rejections carry a request id and are counted. */
    @Bean
    FilterRegistrationBean<UnreadableRequestFilter> unreadableRequestFilter() {
        FilterRegistrationBean<UnreadableRequestFilter> registration =
                new FilterRegistrationBean<>(new UnreadableRequestFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Tomcat.class)
    static class TomcatErrorReport {

        @Bean
        TomcatErrorReportCustomizer tomcatErrorReportCustomizer() {
            return new TomcatErrorReportCustomizer();
        }
    }
}
