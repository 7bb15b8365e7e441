"""A weather agent served on AWS App Runner: fetch a forecast, summarise it with an LLM."""

from typing import Annotated

from zenml import pipeline, step
from zenml.config import DockerSettings, ResourceSettings
from zenml.integrations.aws.flavors import AWSDeployerSettings

docker_settings = DockerSettings(requirements=["openai>=1.40", "httpx"])

deployer_settings = AWSDeployerSettings(
    region="us-east-1",
    instance_role_arn="arn:aws:iam::123456789012:role/apprunner-instance",
    health_check_protocol="HTTP",
    environment_variables={"LOG_LEVEL": "info"},
    tags={"team": "forecasting"},
)


@step
def fetch_forecast(city: str) -> dict:
    return {"city": city, "temperature": 21}


@step(settings={"resources": ResourceSettings(cpu_count=1, memory="2GB")})
def summarize(forecast: dict) -> Annotated[str, "summary"]:
    return f"{forecast['city']}: {forecast['temperature']} degrees"


@pipeline(
    enable_cache=False,
    settings={
        "docker": docker_settings,
        "deployer": deployer_settings,
        "resources": ResourceSettings(
            cpu_count=1,
            memory="5GB",
            min_replicas=1,
            max_replicas=5,
        ),
    },
)
def weather_agent(city: str = "Berlin") -> Annotated[str, "summary"]:
    forecast = fetch_forecast(city=city)
    return summarize(forecast=forecast)


if __name__ == "__main__":
    weather_agent.with_options(settings={"resources": {"cpu_count": 2, "memory": "4GB"}})()
