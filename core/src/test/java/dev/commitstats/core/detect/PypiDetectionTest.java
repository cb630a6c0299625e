package dev.commitstats.core.detect;

import static dev.commitstats.core.detect.DetectionAssertions.packages;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PypiDetectionTest {

    static final String REQUIREMENTS = """
            # Core
            Django>=4.2,<5.0
            djangorestframework==3.15.1  # REST
            Pillow[webp] ~= 10.3
            python_dateutil==2.9.0
            zope.interface>=6
            requests [security] >= 2.31 ; python_version < "3.12"
            pydantic @ git+https://github.com/pydantic/pydantic@main
            celery==5.4.0 \\
                --hash=sha256:abcdef
            -r base.txt
            -c constraints.txt
            -e git+https://github.com/org/project.git#egg=project
            --index-url https://pypi.example.com/simple
            git+https://github.com/org/other.git
            https://example.com/pkg-1.0.tar.gz
            ./local/path
            wheelhouse-1.0-py3-none-any.whl
            Flask#not-a-comment-but-part-of-name-per-pip

            """;

    static final String PYPROJECT_PEP621 = """
            [build-system]
            requires = ["hatchling"]
            build-backend = "hatchling.build"

            [project]
            name = "service"
            version = "0.1.0"
            requires-python = ">=3.11"
            dependencies = [
                "fastapi>=0.111",
                "SQLAlchemy[asyncio]~=2.0",  # ORM
                'uvicorn[standard]',
                "typing_extensions; python_version<'3.12'",
            ]

            [project.optional-dependencies]
            test = ["pytest>=8", "pytest-cov"]
            docs = [
              "mkdocs-material",
            ]

            [dependency-groups]
            lint = ["ruff>=0.4", {include-group = "test"}]

            [tool.ruff]
            line-length = 100
            """;

    static final String PYPROJECT_POETRY = """
            [tool.poetry]
            name = "app"
            version = "1.0.0"

            [tool.poetry.dependencies]
            python = "^3.11"
            requests = "^2.32"
            Flask = { version = "^3.0", extras = ["async"] }
            "ruamel.yaml" = "*"

            [tool.poetry.dependencies.numpy]
            version = "^1.26"
            optional = true

            [tool.poetry.group.dev.dependencies]
            black = "^24.4"
            pytest = "^8.2"

            [tool.poetry.dev-dependencies]
            mypy = "*"
            """;

    @Test
    void addedRequirementsReportsAllPackagesNormalized() {
        assertThat(packages("pypi", "requirements.txt", null, REQUIREMENTS)).containsExactly(
                "django", "djangorestframework", "pillow", "python-dateutil", "zope-interface", "requests", "pydantic",
                "celery");
    }

    @Test
    void requirementsEditVersionBumpAndRemoval() {
        String edited = REQUIREMENTS.replace("# Core\n", "# Core\nGunicorn==22.0\n");
        assertThat(packages("pypi", "requirements/prod.txt", REQUIREMENTS, edited)).containsExactly("gunicorn");
        String bumped = REQUIREMENTS.replace("3.15.1", "3.15.2").replace("5.4.0", "5.4.1");
        assertThat(packages("pypi", "requirements-dev.txt", REQUIREMENTS, bumped)).isEmpty();
        String removed = REQUIREMENTS.replace("zope.interface>=6\n", "");
        assertThat(packages("pypi", "requirements.txt", REQUIREMENTS, removed)).isEmpty();
        // a renamed spelling normalises to the same project
        String respelled = REQUIREMENTS.replace("python_dateutil", "Python.DateUtil");
        assertThat(packages("pypi", "requirements.txt", REQUIREMENTS, respelled)).isEmpty();
    }

    @Test
    void addedPep621PyprojectReportsAllDependencies() {
        assertThat(packages("pypi", "pyproject.toml", null, PYPROJECT_PEP621)).containsExactly(
                "fastapi", "sqlalchemy", "uvicorn", "typing-extensions", "pytest", "pytest-cov", "mkdocs-material",
                "ruff");
    }

    @Test
    void addedPoetryPyprojectReportsAllDependenciesExceptPython() {
        assertThat(packages("pypi", "pyproject.toml", null, PYPROJECT_POETRY)).containsExactly(
                "requests", "flask", "ruamel-yaml", "numpy", "black", "pytest", "mypy");
    }

    @Test
    void pyprojectEditVersionBumpAndRemoval() {
        String edited = PYPROJECT_PEP621.replace("\"fastapi>=0.111\",", "\"fastapi>=0.111\",\n    \"httpx\",");
        assertThat(packages("pypi", "pyproject.toml", PYPROJECT_PEP621, edited)).containsExactly("httpx");
        String bumped = PYPROJECT_POETRY.replace("^2.32", "^2.33").replace("^1.26", "^2.0");
        assertThat(packages("pypi", "pyproject.toml", PYPROJECT_POETRY, bumped)).isEmpty();
        String removed = PYPROJECT_POETRY.replace("black = \"^24.4\"\n", "");
        assertThat(packages("pypi", "pyproject.toml", PYPROJECT_POETRY, removed)).isEmpty();
        String poetryEdit = PYPROJECT_POETRY.replace("pytest = \"^8.2\"", "pytest = \"^8.2\"\nisort = \"^5\"");
        assertThat(packages("pypi", "pyproject.toml", PYPROJECT_POETRY, poetryEdit)).containsExactly("isort");
    }

    @Test
    void malformedPyprojectReportsNothing() {
        assertThat(packages("pypi", "pyproject.toml", null, "[project\ndependencies = [\"x\"]")).isEmpty();
        assertThat(packages("pypi", "pyproject.toml", null, "[project]\ndependencies = [\"x\"")).isEmpty();
        assertThat(packages("pypi", "pyproject.toml", "[project]\ndependencies = \"unterminated",
                PYPROJECT_PEP621)).isEmpty();
    }

    @Test
    void tomlStringFormsAreRead() {
        String toml = """
                [project]
                dependencies = [\"""multi-line\""", '''literal-ml''', "esc\\u0061ped", 'raw\\path']
                """;
        assertThat(packages("pypi", "pyproject.toml", null, toml)).containsExactly(
                "multi-line", "literal-ml", "escaped");
    }
}
